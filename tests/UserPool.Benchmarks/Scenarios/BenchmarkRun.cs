using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UserPool.Api.Data;
using UserPool.Benchmarks.Hosting;
using UserPool.Benchmarks.Profiling;
using UserPool.Benchmarks.Runs;
using UserPool.Benchmarks.Workload;

namespace UserPool.Benchmarks.Scenarios;

/// <summary>
/// The whole run: fresh database, the server in Release, reference data, the 100,000-user import (which
/// also seeds the pool), then every scenario and its baselines repeated and interleaved, then the stage profile.
/// </summary>
public sealed partial class BenchmarkRun(BenchSettings settings, string root)
{
    private const string CreateUsersBatch = "/api/v3/create-users-batch";
    private const string DeleteUsersBatch = "/api/v3/delete-users-batch";
    private const int DeleteBatchSize = 50;
    private const int DeleteClients = 2;
    private const string AccessKeyId = "bench-access-key";
    private const int MaxBatchSize = 500;

    /// <summary>Scenario 1's shapes, largest first; EF Core runs at the goal's shape only.</summary>
    private static readonly (int Batch, int Clients)[] KeptHashShapes = [(500, 2), (500, 1), (50, 2), (50, 1)];

    private readonly Results _results = new();

    public async Task<Results> ExecuteAsync()
    {
        var clock = Stopwatch.StartNew();
        _results.LoadAverageAtStart = File.ReadAllText("/proc/loadavg").Trim();
        if (!settings.SkipBuild)
        {
            Log("Building the server (Release)…");
            await ServerUnderTest.BuildAsync(root);
        }

        Log("Starting a private PostgreSQL with a fresh database…");
        await using var database = await BenchDatabase.StartFreshAsync(root);
        _results.Postgres = await database.DescribeAsync();
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var serverSettings = ServerSettings(database.ConnectionString, secret);
        Directory.CreateDirectory(Path.Combine(root, ".data", "bench"));
        Log("Starting the server…");
        await using var server = await ServerUnderTest.StartAsync(root, Path.Combine(root, ".data", "bench", "server.log"), serverSettings);
        _results.ServerSettings = serverSettings
            .Where(s => !s.Key.StartsWith("ConnectionStrings", StringComparison.Ordinal) && !s.Key.EndsWith("Secret", StringComparison.Ordinal))
            .ToDictionary();

        // The baselines (and the in-process stage profile) prepare what they repeat and skip the pooled connection's reset,
        // as the server does (Database:MaxAutoPrepare, and its default No Reset On Close).
        await using var dataSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxAutoPrepare = 64, NoResetOnClose = true }.ConnectionString);
        var poolId = await PoolIdAsync(dataSource);
        using var api = await ApiClient.ConnectAsync(server.Url, poolId, AccessKeyId, secret);
        // EF Core is the naive path: its defaults, statements unprepared, as an application written without care runs it.
        await using var naiveDataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var efOptions = new DbContextOptionsBuilder<UserPoolDbContext>().UseNpgsql(naiveDataSource).UseSnakeCaseNamingConvention().Options;
        var departments = await ReferenceData.DefineAsync(efOptions, poolId, api);
        var users = new UserFactory(departments, BCrypt.Net.BCrypt.HashPassword("Kept-Password-1", settings.WorkFactor));
        await using var memory = new ProcessMemory(server.Pid);
        var cpu = new CpuMeter(server.Pid, database.PostmasterPid());
        var writers = new Writers(api, new CopyWriter(dataSource), new EfWriter(efOptions), poolId, new RawDeleter(dataSource, poolId),
            new RawUpdater(dataSource, poolId), dataSource);

        await ImportAsync(writers, users, cpu, memory, database);
        if (settings.Focus)
        {
            await FocusAsync(writers, users, cpu, memory);
            return _results;
        }

        if (settings.DeletesOnly)
        {
            await DeletesOnlyAsync(writers, users, cpu, memory);
            return _results;
        }

        if (settings.UpdatesOnly)
        {
            await UpdatesOnlyAsync(writers, users, cpu, memory);
            return _results;
        }

        await WarmUpAsync(writers, users, cpu, memory);
        Log("Profiling the stages of a batch in process…");
        using (var profile = new StageProfile(dataSource, poolId, users, settings.WorkFactor))
        {
            _results.ProfileKept500 = await profile.MeasureAsync(500, settings.ProfileBatches, plaintext: false, writers.Api);
            _results.ProfileKept50 = await profile.MeasureAsync(50, settings.ProfileBatches * 4, plaintext: false, writers.Api);
            _results.ProfilePlaintext50 = await profile.MeasureAsync(50, Math.Max(2, settings.ProfileBatches / 3), plaintext: true, writers.Api);
        }

        _results.AccountsBeforeScenarios = await database.CountAccountsAsync();
        for (var rep = 0; rep < settings.Repetitions; rep++)
        {
            Log($"Repetition {rep + 1}/{settings.Repetitions}");
            await RepetitionAsync(rep, writers, users, cpu, memory);
        }

        _results.AccountsAfterScenarios = await database.CountAccountsAsync();
        _results.LoadAverageAtEnd = File.ReadAllText("/proc/loadavg").Trim();
        _results.Duration = clock.Elapsed;
        return _results;
    }

    private Dictionary<string, string> ServerSettings(string connectionString, string secret) => new Dictionary<string, string>
    {
        ["ConnectionStrings__UserPool"] = connectionString,
        ["Bootstrap__PoolName"] = "benchmark",
        ["Bootstrap__AccessKeyId"] = AccessKeyId,
        ["Bootstrap__AccessKeySecret"] = secret,
        ["Accounts__MaxBatchSize"] = MaxBatchSize.ToString(),
        ["Api__MaxRequestBodyBytes"] = (4 * 1024 * 1024).ToString(),
        ["Security__RateLimitPerSecond"] = "100000",
        ["Passwords__BcryptWorkFactor"] = settings.WorkFactor.ToString(),
    }.Concat(settings.ServerEnvironment).ToDictionary();

    private async Task ImportAsync(Writers writers, UserFactory users, CpuMeter cpu, ProcessMemory memory, BenchDatabase database)
    {
        Log($"Import: {settings.SeedAccounts:N0} users in batches of {settings.SeedBatchSize}, {settings.SeedClients} clients (this also seeds the pool)…");
        var bodies = UserFactory.Batches(users.Make(settings.SeedAccounts, plaintextPasswords: false), settings.SeedBatchSize)
            .Select(b => (Users: b.Count, Body: RequestBodies.CreateUsersBatch(b, keepPassword: true))).ToList();
        var trace = new ConcurrentQueue<(int Users, long RssKb)>();
        var run = await BatchRun.RunAsync(bodies, settings.SeedClients, b => b.Users, b => writers.Api.PostAsync(CreateUsersBatch, b.Body),
            cpu, memory, (_, written) => trace.Enqueue((written, memory.RssKb())));
        _results.Import = new ImportResult(run, trace.OrderBy(t => t.Users).ToList(), await database.CountAccountsAsync());
        var highest = Enumerable.Range(1, 10).Select(tenth => trace.Where(t => t.Users <= tenth * run.Users / 10).DefaultIfEmpty().Max(t => t.RssKb) / 1024);
        Log($"  {run.UsersPerSecond:N0} users/s, server peak RSS {run.ServerPeakRssKb / 1024.0:N0} MB; highest RSS by each tenth (MB): {string.Join(" ", highest)}");
    }

    private async Task WarmUpAsync(Writers writers, UserFactory users, CpuMeter cpu, ProcessMemory memory)
    {
        Log("Warming up the baselines and the plaintext path…");
        await RunAsync(writers, users, new Config(0, Method.Copy, 500, 2), 2_000, cpu, memory, record: false);
        await RunAsync(writers, users, new Config(0, Method.EfCore, 500, 2), 1_000, cpu, memory, record: false);
        await RunAsync(writers, users, new Config(0, Method.Server, 50, 2), 1_000, cpu, memory, record: false);
        await RunAsync(writers, users, new Config(0, Method.Server, 50, 2, Plaintext: true), 20, cpu, memory, record: false);
        await UpdateRunAsync(writers, users, new Config(0, Method.Server, UpdateBatchSize, UpdateClients), 500, cpu, memory, record: false);
        await UpdateRunAsync(writers, users, new Config(0, Method.RawUpdate, UpdateBatchSize, UpdateClients), 500, cpu, memory, record: false);
    }

    /// <summary>The first goal's shape only, server and COPY alternating, with the share of each pair printed.</summary>
    private async Task FocusAsync(Writers writers, UserFactory users, CpuMeter cpu, ProcessMemory memory)
    {
        var batch = settings.FocusBatchSize;
        await RunAsync(writers, users, new Config(0, Method.Copy, batch, 2), 2_000, cpu, memory, record: false);
        await RunAsync(writers, users, new Config(0, Method.Server, batch, 2), 2_000, cpu, memory, record: false);
        for (var rep = 0; rep < settings.Repetitions; rep++)
        {
            foreach (var method in rep % 2 == 0 ? new[] { Method.Server, Method.Copy } : [Method.Copy, Method.Server])
            {
                await RunAsync(writers, users, new Config(1, method, batch, 2), batch >= 500 ? settings.UsersPerLargeRun : settings.UsersPerLargeRun / 3, cpu, memory, record: true);
            }
        }

        var server = _results.MedianUsersPerSecond(new Config(1, Method.Server, batch, 2));
        var copy = _results.MedianUsersPerSecond(new Config(1, Method.Copy, batch, 2));
        var shares = Enumerable.Range(0, settings.Repetitions)
            .Select(i => _results.Of(new Config(1, Method.Server, batch, 2))[i].UsersPerSecond / _results.Of(new Config(1, Method.Copy, batch, 2))[i].UsersPerSecond);
        var serverRuns = _results.Of(new Config(1, Method.Server, batch, 2));
        var serverCpu = serverRuns.Sum(r => r.Cpu.Server) * 1000 / serverRuns.Sum(r => r.Users);
        Log($"Medians: server {server:N0} users/s, COPY {copy:N0} users/s, share {server / copy:P0} (per repetition {string.Join(" ", shares.Select(s => s.ToString("P0")))}); " +
            $"server CPU {serverCpu:N3} s per 1,000 users");
    }

    private async Task RepetitionAsync(int rep, Writers writers, UserFactory users, CpuMeter cpu, ProcessMemory memory)
    {
        foreach (var (batch, clients) in KeptHashShapes)
        {
            // The server and COPY take turns going first; EF Core, three times PostgreSQL's work, always goes last,
            // so neither of the two compared at every shape is the one that inherits its aftermath.
            Method[] pair = rep % 2 == 0 ? [Method.Server, Method.Copy] : [Method.Copy, Method.Server];
            var methods = batch == 500 && clients == 2 ? [.. pair, Method.EfCore] : pair;
            foreach (var method in methods)
            {
                var size = batch == 500 ? settings.UsersPerLargeRun : settings.UsersPerSmallRun;
                await RunAsync(writers, users, new Config(1, method, batch, clients), size, cpu, memory, record: true);
            }
        }

        foreach (var method in rep % 2 == 0 ? new[] { Method.Server, Method.RawDelete } : [Method.RawDelete, Method.Server])
        {
            await DeleteRunAsync(writers, users, new Config(3, method, DeleteBatchSize, DeleteClients), cpu, memory, record: true);
        }

        foreach (var method in rep % 2 == 0 ? new[] { Method.Server, Method.RawUpdate } : [Method.RawUpdate, Method.Server])
        {
            await UpdateRunAsync(writers, users, new Config(4, method, UpdateBatchSize, UpdateClients), settings.UpdatesPerRun, cpu, memory, record: true);
        }

        var before = HashingLimit.Measure(settings.WorkFactor, settings.HashSamples);
        await RunAsync(writers, users, new Config(2, Method.Server, 50, 2, Plaintext: true), settings.PlaintextUsersPerRun, cpu, memory, record: true);
        var limit = new HashingLimit.Bracket(before, HashingLimit.Measure(settings.WorkFactor, settings.HashSamples));
        _results.Hashing.Add(limit);
        Log($"  hashing limit {limit.HashesPerSecond:N1}/s (one hash {limit.Before.SingleHashMs:N1} ms before, {limit.After.SingleHashMs:N1} ms after)");
    }

    private async Task RunAsync(Writers writers, UserFactory users, Config config, int count, CpuMeter cpu, ProcessMemory memory, bool record)
    {
        var batches = UserFactory.Batches(users.Make(count, config.Plaintext), config.BatchSize).ToList();
        RunResult run;
        if (config.Method == Method.Server)
        {
            var bodies = batches.Select(b => (Users: b.Count, Body: RequestBodies.CreateUsersBatch(b, keepPassword: !config.Plaintext))).ToList();
            run = await BatchRun.RunAsync(bodies, config.Clients, b => b.Users, b => writers.Api.PostAsync(CreateUsersBatch, b.Body), cpu, memory);
        }
        else
        {
            var rows = batches.Select(b => RowSet.For(writers.PoolId, b)).ToList();
            Func<RowSet, Task> write = config.Method == Method.Copy ? writers.Copy.WriteAsync : writers.Ef.WriteAsync;
            run = await BatchRun.RunAsync(rows, config.Clients, r => r.Users, write, cpu, memory);
        }

        if (record)
        {
            _results.Add(config, run);
            Log($"  S{config.Scenario} {config.Method,-6} batch {config.BatchSize,3} × {config.Clients} clients{(config.Plaintext ? " plaintext" : "")}: " +
                $"{run.UsersPerSecond,8:N0} users/s  p50 {Stats.Median(run.LatenciesMs),7:N1} ms  p99 {Stats.Percentile(run.LatenciesMs, 99),7:N1} ms  " +
                $"CPU s/1k server {run.Cpu.Server * 1000 / run.Users:N3} PostgreSQL {run.Cpu.Postgres * 1000 / run.Users:N3} driver {run.Cpu.Driver * 1000 / run.Users:N3}");
        }
    }

    /// <summary>Scenario 3 alone, server and baseline alternating, with the share printed: for checking it works.</summary>
    private async Task DeletesOnlyAsync(Writers writers, UserFactory users, CpuMeter cpu, ProcessMemory memory)
    {
        await DeleteRunAsync(writers, users, new Config(3, Method.Server, DeleteBatchSize, DeleteClients), cpu, memory, record: false);
        await DeleteRunAsync(writers, users, new Config(3, Method.RawDelete, DeleteBatchSize, DeleteClients), cpu, memory, record: false);
        for (var rep = 0; rep < settings.Repetitions; rep++)
        {
            foreach (var method in rep % 2 == 0 ? new[] { Method.Server, Method.RawDelete } : [Method.RawDelete, Method.Server])
            {
                await DeleteRunAsync(writers, users, new Config(3, method, DeleteBatchSize, DeleteClients), cpu, memory, record: true);
            }
        }

        var server = _results.MedianUsersPerSecond(new Config(3, Method.Server, DeleteBatchSize, DeleteClients));
        var raw = _results.MedianUsersPerSecond(new Config(3, Method.RawDelete, DeleteBatchSize, DeleteClients));
        Log($"Medians: server {server:N0} deletes/s, DELETE = ANY {raw:N0} deletes/s, share {server / raw:P0}");
    }

    /// <summary>
    /// Scenario 3: the accounts to delete are written first by COPY (not measured), with their identity and department
    /// links, into the pool the import filled; then deleted in 50-user batches by the server or by the baseline.
    /// </summary>
    private async Task DeleteRunAsync(Writers writers, UserFactory users, Config config, CpuMeter cpu, ProcessMemory memory, bool record)
    {
        var rows = UserFactory.Batches(users.Make(settings.DeletesPerRun, plaintextPasswords: false), config.BatchSize)
            .Select(b => RowSet.For(writers.PoolId, b)).ToList();
        foreach (var batch in rows)
        {
            await writers.Copy.WriteAsync(batch);
        }

        var ids = rows.Select(r => r.Accounts.Select(a => a.Id).ToArray()).ToList();
        await VacuumAsync(writers.Database);
        RunResult run;
        if (config.Method == Method.Server)
        {
            var bodies = ids.Select(b => (Users: b.Length, Body: System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { userIds = b }))).ToList();
            run = await BatchRun.RunAsync(bodies, config.Clients, b => b.Users, b => writers.Api.PostAsync(DeleteUsersBatch, b.Body), cpu, memory);
        }
        else
        {
            run = await BatchRun.RunAsync(ids, config.Clients, b => b.Length, writers.RawDelete.DeleteAsync, cpu, memory);
        }

        await VacuumAsync(writers.Database);
        if (record)
        {
            _results.Add(config, run);
            Log($"  S3 {config.Method,-9} delete batch {config.BatchSize} × {config.Clients} clients: {run.UsersPerSecond,8:N0} deletes/s  " +
                $"p50 {Stats.Median(run.LatenciesMs),7:N1} ms  p99 {Stats.Percentile(run.LatenciesMs, 99),7:N1} ms  " +
                $"CPU s/1k server {run.Cpu.Server * 1000 / run.Users:N3} PostgreSQL {run.Cpu.Postgres * 1000 / run.Users:N3} driver {run.Cpu.Driver * 1000 / run.Users:N3}");
        }
    }

    private static async Task<string> PoolIdAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT user_pool_id FROM access_keys WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = AccessKeyId });
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    private sealed record Writers(
        ApiClient Api, CopyWriter Copy, EfWriter Ef, string PoolId, RawDeleter RawDelete, RawUpdater RawUpdate, NpgsqlDataSource Database);
}
