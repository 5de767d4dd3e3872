using Npgsql;
using NpgsqlTypes;

namespace UserPool.Api.Accounts.Keys;

/// <summary>
/// Brings stored accounts to the current normalizer: every account of an older (or no) <see cref="KeyNormalizer.Version"/>
/// and every account with quarantined keys is recomputed, set-based, in one transaction: the rows are read in pages
/// by primary key, their keys computed here and copied into a temporary table, and a handful of statements resolve
/// collisions and write them back. Nothing is dropped, merged or hidden: when two accounts now share a key, the one
/// holding it already (at the current version) or else the older one keeps it, and the other's key is quarantined and
/// flagged in key_problems, listed by <c>accounts check-keys</c>. Quarantined accounts are re-examined every time, so
/// fixing one value (and restarting, or running the command) clears the flag.
/// </summary>
public sealed class KeyReconciler(NpgsqlDataSource dataSource, ILogger<KeyReconciler> logger)
{
    private const int PageSize = 5_000;

    // Serializes reconciliations of several servers starting at once (an arbitrary, fixed lock id).
    private const long AdvisoryLock = 0x5573_6572_4B65_7973;

    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({AdvisoryLock})", ct);
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE account_keys_staging (user_pool_id text, id text, created_at timestamptz,
              email_key text, username_key text, phone_key text, problems text[]) ON COMMIT DROP
            """, ct);
        var staged = 0;
        (string Pool, string Id) after = ("", "");
        while (true)
        {
            var page = await ReadPageAsync(connection, after, ct);
            if (page.Count == 0)
            {
                break;
            }

            await StageAsync(connection, page, ct);
            staged += page.Count;
            after = (page[^1].PoolId, page[^1].Id);
        }

        if (staged > 0)
        {
            await ResolveAndWriteAsync(connection, ct);
            logger.LogInformation("Re-normalized the unique keys of {Accounts} accounts (normalizer version {Version})", staged, KeyNormalizer.Version);
        }

        await transaction.CommitAsync(ct);
        return staged;
    }

    private sealed record PendingRow(string PoolId, string Id, DateTime CreatedAt, StoredKeys Keys);

    private static async Task<List<PendingRow>> ReadPageAsync(NpgsqlConnection connection, (string Pool, string Id) after, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT user_pool_id, id, created_at, email, username, phone, phone_country_code FROM accounts
            WHERE (keys_version < $1 OR key_problems IS NOT NULL) AND (user_pool_id, id) > ($2, $3)
            ORDER BY user_pool_id, id LIMIT $4
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = KeyNormalizer.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Pool });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = PageSize });
        var rows = new List<PendingRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetString(1);
            rows.Add(new PendingRow(reader.GetString(0), id, reader.GetDateTime(2),
                StoredKeys.Compute(id, Text(reader, 3), Text(reader, 4), Text(reader, 5), Text(reader, 6))));
        }

        return rows;
    }

    private static async Task StageAsync(NpgsqlConnection connection, List<PendingRow> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY account_keys_staging (user_pool_id, id, created_at, email_key, username_key, phone_key, problems) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(row.PoolId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(row.Id, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            foreach (var key in new[] { row.Keys.EmailKey, row.Keys.UsernameKey, row.Keys.PhoneKey })
            {
                await (key is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(key, NpgsqlDbType.Text, ct));
            }

            await (row.Keys.Problems.Count == 0
                ? copy.WriteNullAsync(ct)
                : copy.WriteAsync(row.Keys.Problems.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct));
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>
    /// The staged accounts' keys are cleared first, so that writing the new ones never trips over a stale key of
    /// another staged account; then each kind's collisions are quarantined — against accounts not being
    /// re-normalized, then among the staged ones (the oldest keeps the key) — and the keys written back.
    /// </summary>
    private static async Task ResolveAndWriteAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await ExecuteAsync(connection, """
            UPDATE accounts a SET email_key = NULL, username_key = NULL, phone_key = NULL
            FROM account_keys_staging s WHERE a.user_pool_id = s.user_pool_id AND a.id = s.id
            """, ct);
        foreach (var (column, field) in new[] { ("email_key", "email"), ("username_key", "username"), ("phone_key", "phone") })
        {
            await ExecuteAsync(connection, $"""
                UPDATE account_keys_staging s SET {column} = chr(8203) || s.id,
                  problems = array_append(s.problems, '{field}: same key as account ' || a.id)
                FROM accounts a WHERE a.user_pool_id = s.user_pool_id AND a.{column} = s.{column}
                """, ct);
            await ExecuteAsync(connection, $"""
                UPDATE account_keys_staging s SET {column} = chr(8203) || s.id,
                  problems = array_append(s.problems, '{field}: same key as account ' || d.holder)
                FROM (SELECT user_pool_id, id, first_value(id) OVER w AS holder, row_number() OVER w AS rank
                      FROM account_keys_staging WHERE {column} IS NOT NULL
                      WINDOW w AS (PARTITION BY user_pool_id, {column} ORDER BY created_at, id)) d
                WHERE d.rank > 1 AND s.user_pool_id = d.user_pool_id AND s.id = d.id
                """, ct);
        }

        await ExecuteAsync(connection, $"""
            UPDATE accounts a SET email_key = s.email_key, username_key = s.username_key, phone_key = s.phone_key,
              keys_version = {KeyNormalizer.Version}, key_problems = s.problems
            FROM account_keys_staging s WHERE a.user_pool_id = s.user_pool_id AND a.id = s.id
            """, ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
