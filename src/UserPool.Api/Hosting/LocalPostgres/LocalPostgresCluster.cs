using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace UserPool.Api.Hosting.LocalPostgres;

/// <summary>
/// A private PostgreSQL cluster in a data directory, listening on 127.0.0.1 only, for development and tests.
/// The first start runs initdb; later starts reuse the cluster, its port and a server an earlier owner left running.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable, IDisposable
{
    public const string DefaultDatabaseName = "userpool";
    private const string MaintenanceDatabase = "postgres";

    private readonly PostgresBinaries _binaries;
    private readonly ILogger _logger;
    private readonly PostgresOsUser _postgresUser = PostgresOsUser.ForThisProcess();
    private readonly PgCtl _pgCtl;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private int? _port;
    private bool _owned;

    public LocalPostgresCluster(
        string dataDirectory, PostgresBinaries binaries, string databaseName = DefaultDatabaseName, ILogger? logger = null)
    {
        if (!Path.IsPathFullyQualified(dataDirectory))
            throw new ArgumentException($"The data directory must be an absolute path: '{dataDirectory}'.", nameof(dataDirectory));
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        ConfiguredDataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        DataDirectory = ConfiguredDataDirectory;
        _binaries = binaries;
        _pgCtl = new PgCtl(binaries, _postgresUser);
        DatabaseName = databaseName;
        _logger = logger ?? NullLogger.Instance;
    }

    public string ConfiguredDataDirectory { get; }

    /// <summary>Where the cluster really lives; differs from the configured one only after a root fallback in <see cref="StartAsync"/>.</summary>
    public string DataDirectory { get; private set; }

    public string DatabaseName { get; }
    public bool IsRunning => _port is not null;
    public int Port => _port ?? throw new InvalidOperationException("The local PostgreSQL cluster is not running.");
    public string ConnectionString => ConnectionStringFor(DatabaseName);

    public string ConnectionStringFor(string databaseName) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = PostgresOsUser.Name,
        Database = databaseName,
    }.ConnectionString;

    /// <summary>Starts (or adopts) the server and makes sure <see cref="DatabaseName"/> exists. Does nothing when running.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (_port is not null)
                return;
            DataDirectory = await DataDirectoryPreparation.PrepareAsync(
                ConfiguredDataDirectory, _postgresUser, _logger, cancellationToken);
            if (!ClusterInitialization.IsInitialized(DataDirectory))
            {
                _logger.LogInformation("Creating a local PostgreSQL cluster in {DataDirectory}.", DataDirectory);
                await ClusterInitialization.InitializeAsync(_binaries, DataDirectory, _postgresUser, cancellationToken);
            }
            var port = await FindRunningServerPortAsync(cancellationToken);
            _owned = port is null || !ClusterOwner.IsHeldByAnotherLiveProcess(DataDirectory);
            if (_owned)
                ClusterOwner.Claim(DataDirectory);
            if (port is null)
            {
                port = ClusterPort.Choose(DataDirectory);
                await _pgCtl.StartAsync(DataDirectory, port.Value, cancellationToken);
                _logger.LogInformation("Local PostgreSQL listens on 127.0.0.1:{Port} ({DataDirectory}).", port, DataDirectory);
            }
            ClusterPort.Remember(DataDirectory, port.Value);
            _port = port;
        }
        finally
        {
            _lifecycle.Release();
        }
        await EnsureDatabaseAsync(DatabaseName, cancellationToken);
    }

    /// <summary>Creates <paramref name="databaseName"/> unless it exists; safe when several callers race.</summary>
    public Task EnsureDatabaseAsync(string databaseName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        var maintenance = new NpgsqlConnectionStringBuilder(ConnectionStringFor(MaintenanceDatabase)) { Pooling = false };
        return PostgresDatabases.EnsureExistsAsync(maintenance.ConnectionString, databaseName, cancellationToken);
    }

    /// <summary>
    /// Stops the server (fast shutdown: sessions are ended, committed data is kept) unless another live process
    /// owns it. Safe to call repeatedly.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (_port is null)
                return;
            if (_owned && await _pgCtl.IsRunningAsync(DataDirectory, cancellationToken))
                await _pgCtl.StopAsync(DataDirectory, cancellationToken);
            _port = null;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    // Task.Run keeps a caller's synchronization context (e.g. a test runner's) from deadlocking the wait.
    public void Dispose() => Task.Run(() => StopAsync()).GetAwaiter().GetResult();

    private async Task<bool> AnswersOrStopsAsync(int port, CancellationToken cancellationToken)
    {
        var probe = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = PostgresOsUser.Name, Database = MaintenanceDatabase, Pooling = false, Timeout = 3,
        }.ConnectionString;
        for (var attempt = 0; attempt < 240; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(cancellationToken);
                return true;
            }
            catch (NpgsqlException)
            {
                if (!await _pgCtl.IsRunningAsync(DataDirectory, cancellationToken))
                    return false;
                await Task.Delay(250, cancellationToken);
            }
        }

        return true;
    }

    // A host killed without shutdown (SIGKILL, debugger stop) leaves its server running; adopt it.
    private async Task<int?> FindRunningServerPortAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            return null;
        if (!await _pgCtl.IsRunningAsync(DataDirectory, cancellationToken))
        {
            _logger.LogInformation("Ignoring the stale postmaster.pid in {DataDirectory}.", DataDirectory);
            return null;
        }
        var port = ClusterPort.ReadFromPidFile(DataDirectory) ?? throw new LocalPostgresCommandException(
            $"A PostgreSQL server is running on {DataDirectory}, but its postmaster.pid names no port.");
        // The server may be on its way down (its owner just stopped it): adopt it only once it answers,
        // and start afresh if it goes away instead.
        if (!await AnswersOrStopsAsync(port, cancellationToken))
        {
            _logger.LogInformation("The PostgreSQL server on {DataDirectory} was shutting down; starting it again.", DataDirectory);
            return null;
        }

        _logger.LogInformation("Reusing the PostgreSQL server already running on {DataDirectory} (port {Port}).", DataDirectory, port);
        return port;
    }
}
