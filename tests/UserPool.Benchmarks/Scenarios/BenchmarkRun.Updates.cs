using Npgsql;
using UserPool.Benchmarks.Hosting;
using UserPool.Benchmarks.Runs;
using UserPool.Benchmarks.Workload;

namespace UserPool.Benchmarks.Scenarios;

/// <summary>Scenario 4: update-user-batch of 50 kept-hash accounts, 2 clients, against one raw UPDATE … FROM unnest per batch.</summary>
public sealed partial class BenchmarkRun
{
    private const string UpdateUsersBatch = "/api/v3/update-user-batch";
    private const int UpdateBatchSize = 50;
    private const int UpdateClients = 2;

    /// <summary>Scenario 4 alone, server and baseline alternating, with the share printed: for checking it works.</summary>
    private async Task UpdatesOnlyAsync(Writers writers, UserFactory users, CpuMeter cpu, ProcessMemory memory)
    {
        await UpdateRunAsync(writers, users, new Config(4, Method.Server, UpdateBatchSize, UpdateClients), 500, cpu, memory, record: false);
        await UpdateRunAsync(writers, users, new Config(4, Method.RawUpdate, UpdateBatchSize, UpdateClients), 500, cpu, memory, record: false);
        for (var rep = 0; rep < settings.Repetitions; rep++)
        {
            foreach (var method in rep % 2 == 0 ? new[] { Method.Server, Method.RawUpdate } : [Method.RawUpdate, Method.Server])
            {
                await UpdateRunAsync(writers, users, new Config(4, method, UpdateBatchSize, UpdateClients), settings.UpdatesPerRun, cpu, memory, record: true);
            }
        }

        var server = _results.MedianUsersPerSecond(new Config(4, Method.Server, UpdateBatchSize, UpdateClients));
        var raw = _results.MedianUsersPerSecond(new Config(4, Method.RawUpdate, UpdateBatchSize, UpdateClients));
        Log($"Medians: server {server:N0} updates/s, UPDATE … FROM unnest {raw:N0} updates/s, share {server / raw:P0}");
    }

    /// <summary>
    /// Updates accounts the import created through the server (kept hashes, canonical keys, identities, department links),
    /// picked at random so the updates land all over the table and its indexes, each given fresh unique values.
    /// </summary>
    private async Task UpdateRunAsync(Writers writers, UserFactory users, Config config, int count, CpuMeter cpu, ProcessMemory memory, bool record)
    {
        var ids = await ImportedAccountsAsync(writers.Database, writers.PoolId, count);
        await VacuumAsync(writers.Database);
        var updates = ids.Zip(users.Make(ids.Count, plaintextPasswords: false), (id, values) => new AccountUpdate(id, values)).ToList();
        var batches = updates.Chunk(config.BatchSize).Select(b => (IReadOnlyList<AccountUpdate>)b).ToList();
        RunResult run;
        if (config.Method == Method.Server)
        {
            var bodies = batches.Select(b => (Users: b.Count, Body: AccountUpdate.Body(b))).ToList();
            run = await BatchRun.RunAsync(bodies, config.Clients, b => b.Users, b => writers.Api.PostAsync(UpdateUsersBatch, b.Body), cpu, memory);
        }
        else
        {
            run = await BatchRun.RunAsync(batches, config.Clients, b => b.Count, writers.RawUpdate.UpdateAsync, cpu, memory);
        }

        await VacuumAsync(writers.Database);
        if (record)
        {
            _results.Add(config, run);
            Log($"  S4 {config.Method,-9} update batch {config.BatchSize} × {config.Clients} clients: {run.UsersPerSecond,8:N0} updates/s  " +
                $"p50 {Stats.Median(run.LatenciesMs),7:N1} ms  p99 {Stats.Percentile(run.LatenciesMs, 99),7:N1} ms  " +
                $"CPU s/1k server {run.Cpu.Server * 1000 / run.Users:N3} PostgreSQL {run.Cpu.Postgres * 1000 / run.Users:N3} driver {run.Cpu.Driver * 1000 / run.Users:N3}");
        }
    }

    /// <summary>
    /// Every update or delete leaves dead row versions in the table and in all its indexes (no update of a unique key is
    /// HOT), and autovacuum comes when it comes: measured, the same update run was up to 5 times slower for both methods
    /// before autovacuum had passed than after. Each update and delete run therefore starts from a vacuumed, analysed
    /// table and leaves one behind, so no method (nor the next scenario) inherits another's dead rows or autovacuum's timing.
    /// </summary>
    private static async Task VacuumAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("VACUUM (ANALYZE) accounts");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Random users the server created (they carry canonical keys; the COPY baselines' rows do not).</summary>
    private static async Task<IReadOnlyList<string>> ImportedAccountsAsync(NpgsqlDataSource database, string poolId, int count)
    {
        await using var command = database.CreateCommand(
            "SELECT id FROM accounts WHERE user_pool_id = $1 AND kind = 1 AND email_key IS NOT NULL ORDER BY random() LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { Value = poolId });
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        var ids = new List<string>(count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids.Count == count ? ids : throw new InvalidOperationException($"Only {ids.Count} accounts to update, {count} asked");
    }
}
