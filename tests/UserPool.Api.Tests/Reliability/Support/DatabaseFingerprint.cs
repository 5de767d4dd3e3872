using Npgsql;

namespace UserPool.Api.Tests.Reliability.Support;

/// <summary>
/// A checksum of the content of every table: its row count and an order-independent sum of the MD5 of each
/// row's text. Two equal fingerprints mean no row was added, removed or changed anywhere.
/// request_nonces is left out: a valid signature legitimately records its nonce there, even when the request
/// it authenticates is then refused. For the same reason access_keys.last_used_at is left out (a genuine
/// request records its key's use). New tables join automatically.
/// </summary>
public sealed class DatabaseFingerprint : IAsyncDisposable
{
    public static readonly string[] Excluded = ["request_nonces"];

    private readonly NpgsqlDataSource _dataSource;
    private string? _query;
    private string? _poolQuery;

    public DatabaseFingerprint(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <param name="poolId">Only this pool's rows of the tables that have a user_pool_id (the others whole): for
    /// concurrent callers that each work in a pool of their own.</param>
    public async Task<IReadOnlyDictionary<string, string>> TakeAsync(string? poolId = null)
    {
        _query ??= await BuildQueryAsync(pooled: false);
        _poolQuery ??= await BuildQueryAsync(pooled: true);
        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var command = _dataSource.CreateCommand(poolId is null ? _query : _poolQuery);
        if (poolId is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = poolId });
        }

        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables[reader.GetString(0)] = reader.GetString(1);
        }

        return tables;
    }

    /// <summary>The tables whose content differs, with both fingerprints; empty when equal.</summary>
    public static string Difference(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        string.Join("; ", before.Keys.Union(after.Keys)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t}: {before.GetValueOrDefault(t)} -> {after.GetValueOrDefault(t)}"));

    private async Task<string> BuildQueryAsync(bool pooled)
    {
        var tables = new List<(string Name, bool HasPool)>();
        await using (var list = _dataSource.CreateCommand("""
            SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c
                WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'user_pool_id')
            FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY t.table_name
            """))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetBoolean(1)));
            }
        }

        Assert.Contains(("accounts", true), tables);
        // Summing 60-bit slices of the row hashes needs no sort, so the cost stays linear as the tables grow.
        return string.Join("\nUNION ALL\n", tables.Where(t => !Excluded.Contains(t.Name)).Select(table =>
            $"SELECT '{table.Name}', count(*)::text || ':' || coalesce(sum(('x' || substr(md5((to_jsonb(t) - 'last_used_at')::text), 1, 15))::bit(60)::bigint)::text, '0') " +
            $"FROM \"{table.Name}\" t" + (pooled && table.HasPool ? " WHERE user_pool_id = $1" : "")));
    }
}
