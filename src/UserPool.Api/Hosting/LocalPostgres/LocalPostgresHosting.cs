using Npgsql;
using UserPool.Api.Data;

namespace UserPool.Api.Hosting.LocalPostgres;

/// <summary>
/// `dotnet run` with no connection string: a private cluster from the machine's own PostgreSQL binaries, started
/// when the host starts and stopped after it has drained. Registration only registers (building the host, e.g. for
/// a refused command, starts nothing).
/// <para>
/// Where it starts: the server's data source is built when the first service needing it is constructed, and the
/// host constructs its hosted services (the pruners need the database) before it calls any of them. So the data
/// source's own set-up starts the cluster (<see cref="PointAtLocalCluster"/>, once, under the cluster's lock) and
/// <see cref="LocalPostgresLifetime.StartingAsync"/> starts it for a host in which nothing needed it earlier; either way
/// before migrations and anything else that reads or writes. The command-line verbs start it the same way.
/// </para>
/// </summary>
public static class LocalPostgresHosting
{
    /// <summary>Registers the private cluster when no connection string is configured; says whether it did.</summary>
    public static bool AddLocalPostgresWhenUnconfigured(this WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)))
        {
            return false;
        }

        // Finding the binaries starts nothing; without them the server cannot run, and says so at once.
        var binaries = PostgresBinaries.LocateOrThrow();
        var settings = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var dataDirectory = Path.GetFullPath(settings.LocalDataDirectory, RepositoryRoot.Find() ?? Directory.GetCurrentDirectory());
        builder.Services.AddSingleton(services =>
            new LocalPostgresCluster(dataDirectory, binaries, logger: services.GetRequiredService<ILogger<LocalPostgresCluster>>()));
        builder.Services.AddSingleton<LocalPostgresLifetime>();
        // First of the hosted services, so its StartingAsync runs before any other's.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(services => services.GetRequiredService<LocalPostgresLifetime>()));
        return true;
    }

    /// <summary>The data source's connection string before the cluster's port is known (filled in by <see cref="PointAtLocalCluster"/>).</summary>
    public static string Unstarted => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Username = PostgresOsUser.Name, Database = LocalPostgresCluster.DefaultDatabaseName,
    }.ConnectionString;

    /// <summary>Points the data source at the private cluster, starting it first; does nothing with a configured server.</summary>
    public static void PointAtLocalCluster(IServiceProvider services, NpgsqlConnectionStringBuilder target)
    {
        if (services.GetService<LocalPostgresCluster>() is not { } cluster)
        {
            return;
        }

        // Task.Run: no caller's synchronization context can deadlock the wait (a DI factory cannot await).
        Task.Run(() => cluster.StartAsync()).GetAwaiter().GetResult();
        var local = new NpgsqlConnectionStringBuilder(cluster.ConnectionString);
        (target.Host, target.Port, target.Username, target.Database) = (local.Host, local.Port, local.Username, local.Database);
    }
}

/// <summary>Starts the private cluster before any hosted service starts, and stops it after all have stopped.</summary>
public sealed class LocalPostgresLifetime(LocalPostgresCluster cluster) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => cluster.StartAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Stopped, not Stop: the server has drained and every background service has ended by then.
    public Task StoppedAsync(CancellationToken cancellationToken) => cluster.StopAsync(cancellationToken);
}
