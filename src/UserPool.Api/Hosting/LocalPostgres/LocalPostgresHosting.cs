using UserPool.Api.Data;

namespace UserPool.Api.Hosting.LocalPostgres;

/// <summary>
/// `dotnet run` with no connection string: start (or reuse) a private cluster from the machine's own
/// PostgreSQL binaries, point ConnectionStrings:UserPool at it, and stop it when the host stops.
/// </summary>
public static class LocalPostgresHosting
{
    public static WebApplicationBuilder StartLocalPostgresWhenUnconfigured(this WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)))
        {
            return builder;
        }

        var binaries = PostgresBinaries.LocateOrThrow();
        var settings = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // Relative data directories are taken from the repository root when running from a checkout.
        var dataDirectory = Path.GetFullPath(settings.LocalDataDirectory, RepositoryRoot.Find() ?? Directory.GetCurrentDirectory());
        using var loggers = LoggerFactory.Create(logging => logging.AddConsole());
        var cluster = new LocalPostgresCluster(dataDirectory, binaries, logger: loggers.CreateLogger<LocalPostgresCluster>());
        cluster.StartAsync().GetAwaiter().GetResult();

        builder.Configuration[$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = cluster.ConnectionString;
        builder.Services.AddSingleton(cluster);
        // Registered before every other hosted service, so it stops last, after the server has drained.
        builder.Services.AddHostedService<LocalPostgresLifetime>();
        return builder;
    }

    private sealed class LocalPostgresLifetime(LocalPostgresCluster cluster) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync(cancellationToken);
    }
}
