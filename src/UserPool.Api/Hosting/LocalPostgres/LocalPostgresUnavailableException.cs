namespace UserPool.Api.Hosting.LocalPostgres;

/// <summary>Thrown when no connection string is configured and no PostgreSQL installation can be found to start one locally.</summary>
public sealed class LocalPostgresUnavailableException : Exception
{
    public LocalPostgresUnavailableException()
        : base(
            "No PostgreSQL server binaries (initdb, pg_ctl, postgres) were found on PATH, through `pg_config --bindir` " +
            "or under /usr/lib/postgresql/*/bin, so no local database can be started. Either point UserPool at an " +
            "existing server by setting ConnectionStrings:UserPool (environment variable ConnectionStrings__UserPool), " +
            "install PostgreSQL (e.g. `apt-get install postgresql`), or run `docker compose up`.")
    {
    }
}
