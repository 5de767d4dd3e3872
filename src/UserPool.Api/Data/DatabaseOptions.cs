using System.ComponentModel.DataAnnotations;

namespace UserPool.Api.Data;

/// <summary>Settings of the database (section "Database"); the connection string is ConnectionStrings:UserPool.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "UserPool";

    /// <summary>Apply pending migrations at start-up; turn off when a deployment step migrates instead.</summary>
    public bool ApplyMigrationsOnStartup { get; set; } = true;

    /// <summary>Where `dotnet run` keeps its private PostgreSQL cluster when no connection string is set.</summary>
    public string LocalDataDirectory { get; set; } = ".data/postgres";

    /// <summary>
    /// How many times a write transaction PostgreSQL aborted to break a deadlock is run again before its request
    /// is answered from what the database then holds (see docs/reliability.md).
    /// </summary>
    [Range(0, 10)]
    public int DeadlockRetries { get; set; } = 3;
}
