using Npgsql;
using UserPool.Api.Hosting.LocalPostgres;

namespace UserPool.Benchmarks.Hosting;

/// <summary>
/// A private PostgreSQL cluster (the same launcher `dotnet run` uses) under .data/bench-postgres, with a
/// database dropped and created afresh for every run, so each run starts from the same empty schema.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string Name = "userpool_bench";
    private readonly LocalPostgresCluster _cluster;

    private BenchDatabase(LocalPostgresCluster cluster) => _cluster = cluster;

    public string ConnectionString => _cluster.ConnectionStringFor(Name);

    public string DataDirectory => _cluster.DataDirectory;

    public static async Task<BenchDatabase> StartFreshAsync(string repositoryRoot)
    {
        var cluster = new LocalPostgresCluster(Path.Combine(repositoryRoot, ".data", "bench-postgres"), PostgresBinaries.LocateOrThrow(), "postgres");
        await cluster.StartAsync();
        await using var admin = new NpgsqlConnection(cluster.ConnectionStringFor("postgres") + ";Pooling=false");
        await admin.OpenAsync();
        await Execute(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        await Execute(admin, $"CREATE DATABASE {Name}");
        return new BenchDatabase(cluster);
    }

    /// <summary>The pid of the postmaster; its children are the backends whose CPU time is counted.</summary>
    public int PostmasterPid() => int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First().Trim());

    public async Task<IReadOnlyList<(string Name, string Value)>> DescribeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var settings = new List<(string, string)> { ("version", connection.PostgreSqlVersion.ToString()) };
        foreach (var name in new[] { "shared_buffers", "max_wal_size", "synchronous_commit", "fsync", "wal_level", "checkpoint_timeout", "work_mem" })
        {
            await using var command = new NpgsqlCommand($"SHOW {name}", connection);
            settings.Add((name, (string)(await command.ExecuteScalarAsync())!));
        }

        return settings;
    }

    public async Task<long> CountAccountsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM accounts", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync() => await _cluster.StopAsync();

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
