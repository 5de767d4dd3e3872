using System.Diagnostics;
using System.Globalization;
using Npgsql;
using UserPool.Api.Hosting.LocalPostgres;

namespace UserPool.Api.Tests.Hosting;

public sealed class LocalPostgresClusterTests : IAsyncLifetime
{
    private static readonly PostgresBinaries Binaries = PostgresBinaries.LocateOrThrow();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "userpool-pg-test-" + Guid.NewGuid().ToString("N"));
    private readonly List<LocalPostgresCluster> _clusters = [];

    private string DataDirectory => Path.Combine(_root, "data");

    [Fact]
    public void Locate_OnThisMachine_FindsInitDbPgCtlAndPostgres()
    {
        var binaries = PostgresBinaries.Locate();

        Assert.NotNull(binaries);
        Assert.True(File.Exists(binaries.InitDb));
        Assert.True(File.Exists(binaries.PgCtl));
        Assert.True(File.Exists(binaries.Postgres));
    }

    [Fact]
    public async Task Start_WhenDataDirectoryIsNew_InitializesAndAcceptsConnections()
    {
        var cluster = await StartClusterAsync(DataDirectory);

        Assert.True(File.Exists(Path.Combine(cluster.DataDirectory, "PG_VERSION")));
        Assert.Equal(1, await ScalarAsync<int>(cluster.ConnectionString, "SELECT 1"));
        Assert.Equal("userpool", await ScalarAsync<string>(cluster.ConnectionString, "SELECT current_database()"));
    }

    [Fact]
    public async Task Start_AfterStop_ReusesClusterPortAndData()
    {
        var cluster = await StartClusterAsync(DataDirectory);
        await ScalarAsync<object?>(cluster.ConnectionString, "CREATE TABLE kept (value int); INSERT INTO kept VALUES (42)");
        var firstPort = cluster.Port;

        await cluster.StopAsync();
        await cluster.StartAsync();

        Assert.Equal(firstPort, cluster.Port);
        Assert.Equal(42, await ScalarAsync<int>(cluster.ConnectionString, "SELECT value FROM kept"));
    }

    [Fact]
    public async Task Stop_WhenRunning_RefusesConnectionsAndIsSafeToRepeat()
    {
        var cluster = await StartClusterAsync(DataDirectory);
        var connectionString = cluster.ConnectionString;

        await cluster.StopAsync();
        await cluster.StopAsync();
        cluster.Dispose();

        Assert.False(cluster.IsRunning);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ScalarAsync<int>(connectionString, "SELECT 1"));
    }

    [Fact]
    public async Task Start_WhenAnEarlierOwnerLeftTheServerRunning_ReusesIt()
    {
        var crashedOwner = await StartClusterAsync(DataDirectory);

        var successor = await StartClusterAsync(DataDirectory);

        Assert.Equal(crashedOwner.Port, successor.Port);
        Assert.Equal(1, await ScalarAsync<int>(successor.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task Start_WhenPidFileIsStale_StartsNormally()
    {
        var cluster = await StartClusterAsync(DataDirectory);
        var pidFile = Path.Combine(cluster.DataDirectory, "postmaster.pid");
        var pidFileLines = await File.ReadAllLinesAsync(pidFile);
        await cluster.StopAsync();
        // The stopped postmaster may linger as a zombie until init reaps it, so name a process we reaped ourselves.
        pidFileLines[0] = DeadProcessId().ToString(CultureInfo.InvariantCulture);
        await File.WriteAllLinesAsync(pidFile, pidFileLines);

        await cluster.StartAsync();

        Assert.Equal(1, await ScalarAsync<int>(cluster.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task Start_WhenDatabaseNameIsGiven_CreatesItAndOthersOnRequest()
    {
        var cluster = await StartClusterAsync(DataDirectory, databaseName: "first");

        await Task.WhenAll(cluster.EnsureDatabaseAsync("second"), cluster.EnsureDatabaseAsync("second"));

        Assert.Equal("first", await ScalarAsync<string>(cluster.ConnectionString, "SELECT current_database()"));
        Assert.Equal("second", await ScalarAsync<string>(cluster.ConnectionStringFor("second"), "SELECT current_database()"));
    }

    [Fact]
    public async Task Start_AsRootWhenPostgresUserCannotReachDataDirectory_FallsBackUnderVarTmp()
    {
        if (!Environment.IsPrivilegedProcess || OperatingSystem.IsWindows())
            return; // only a root host hands the cluster to another OS user
        var privateParent = Directory.CreateDirectory(Path.Combine(_root, "private"));
        File.SetUnixFileMode(privateParent.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var configured = Path.Combine(privateParent.FullName, "data");

        try
        {
            var cluster = await StartClusterAsync(configured);

            Assert.StartsWith("/var/tmp/userpool-postgres/", cluster.DataDirectory);
            Assert.False(Directory.Exists(configured));
            Assert.Equal(1, await ScalarAsync<int>(cluster.ConnectionString, "SELECT 1"));
        }
        finally
        {
            await DisposeAsync();
            DeleteIfPresent(DataDirectoryPreparation.FallbackFor(configured));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Newest first: a successor stops the server it adopted, and the earlier owner then finds nothing to stop.
        var failures = new List<Exception>();
        for (var index = _clusters.Count - 1; index >= 0; index--)
        {
            try
            {
                await _clusters[index].DisposeAsync();
            }
            catch (Exception exception)
            {
                failures.Add(exception);
            }
        }
        _clusters.Clear();
        // A server that failed to stop shuts itself down once it notices its lock file is gone.
        DeleteIfPresent(_root);
        if (failures.Count > 0)
            throw new AggregateException(failures);
    }

    private async Task<LocalPostgresCluster> StartClusterAsync(string dataDirectory, string databaseName = "userpool")
    {
        var cluster = new LocalPostgresCluster(dataDirectory, Binaries, databaseName);
        _clusters.Add(cluster);
        await cluster.StartAsync();
        return cluster;
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start("true");
        process.WaitForExit();
        return process.Id;
    }

    private static void DeleteIfPresent(string directory)
    {
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        // Pooling is off so that no idle connection outlives the server it belonged to.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
