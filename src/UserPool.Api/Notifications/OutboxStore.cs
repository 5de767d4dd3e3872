using Npgsql;
using NpgsqlTypes;

namespace UserPool.Api.Notifications;

/// <summary>
/// The dispatcher's statements on notification_outbox, across all pools, each one round trip.
/// Times are the database's clock (now()), so instances with skewed clocks agree on what is due.
/// </summary>
public sealed class OutboxStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> due messages: FOR UPDATE SKIP LOCKED lets concurrent dispatchers
    /// take disjoint rows, and pushing next_attempt_at past the lease hides them until then. The statement
    /// is its own short transaction; if the claimer dies, the rows fall due again when the lease ends.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(int limit, TimeSpan lease, CancellationToken ct)
    {
        const string sql = """
            WITH due AS (
                SELECT user_pool_id, id FROM notification_outbox
                WHERE status = 'pending' AND next_attempt_at <= now()
                ORDER BY next_attempt_at
                LIMIT @limit
                FOR UPDATE SKIP LOCKED
            ), claimed AS (
                UPDATE notification_outbox o
                SET next_attempt_at = now() + @lease, attempts = o.attempts + 1
                FROM due
                WHERE o.user_pool_id = due.user_pool_id AND o.id = due.id
                RETURNING o.user_pool_id, o.id, o.account_id, o.channel, o.template, o.lang, o.recipient,
                          o.phone_country_code, o.app_id, o.protected_password, o.attempts, o.next_attempt_at
            )
            SELECT c.user_pool_id, c.id, c.account_id, c.channel, c.template, c.lang, c.recipient, c.phone_country_code,
                   c.app_id, c.protected_password, c.attempts,
                   COALESCE(NULLIF(btrim(a.name), ''), NULLIF(btrim(a.nickname), ''), NULLIF(btrim(a.username), '')) AS display_name
            FROM claimed c
            LEFT JOIN accounts a ON a.user_pool_id = c.user_pool_id AND a.id = c.account_id
            ORDER BY c.next_attempt_at, c.id
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("lease", NpgsqlDbType.Interval, lease);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var claimed = new List<ClaimedMessage>();
        while (await reader.ReadAsync(ct))
        {
            claimed.Add(new ClaimedMessage(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), NullableString(reader, 7), NullableString(reader, 8),
                NullableString(reader, 9), reader.GetInt32(10), NullableString(reader, 11)));
        }

        return claimed;
    }

    /// <summary>
    /// Writes outcomes in one statement. Sent and dead rows lose their protected password. Only pending
    /// rows change, so a late outcome never reopens a row another dispatcher already finished.
    /// </summary>
    public async Task RecordAsync(IReadOnlyCollection<DeliveryOutcome> outcomes, CancellationToken ct)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        const string sql = """
            UPDATE notification_outbox o SET
                status = r.status,
                last_error = COALESCE(r.error, o.last_error),
                sent_at = CASE WHEN r.status = 'sent' THEN now() ELSE o.sent_at END,
                protected_password = CASE WHEN r.status = 'pending' THEN o.protected_password END,
                next_attempt_at = CASE WHEN r.status = 'pending' THEN now() + r.delay ELSE o.next_attempt_at END
            FROM unnest(@pools, @ids, @statuses, @errors, @delays) AS r(user_pool_id, id, status, error, delay)
            WHERE o.user_pool_id = r.user_pool_id AND o.id = r.id AND o.status = 'pending'
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("pools", outcomes.Select(o => o.Message.UserPoolId).ToArray());
        command.Parameters.AddWithValue("ids", outcomes.Select(o => o.Message.Id).ToArray());
        command.Parameters.AddWithValue("statuses", outcomes.Select(o => o.Status).ToArray());
        command.Parameters.Add(new NpgsqlParameter("errors", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = outcomes.Select(o => o.Error).ToArray() });
        command.Parameters.AddWithValue("delays", NpgsqlDbType.Array | NpgsqlDbType.Interval, outcomes.Select(o => o.RetryDelay).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Hands back claimed messages that were never tried (the dispatcher is stopping): due now, the claim not counted.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<ClaimedMessage> messages, CancellationToken ct)
    {
        if (messages.Count == 0)
        {
            return;
        }

        const string sql = """
            UPDATE notification_outbox o SET attempts = o.attempts - 1, next_attempt_at = now()
            FROM unnest(@pools, @ids) AS r(user_pool_id, id)
            WHERE o.user_pool_id = r.user_pool_id AND o.id = r.id AND o.status = 'pending'
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("pools", messages.Select(m => m.UserPoolId).ToArray());
        command.Parameters.AddWithValue("ids", messages.Select(m => m.Id).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Deletes sent and dead messages whose last attempt is older than <paramref name="retention"/> (a claim sets
    /// next_attempt_at to the attempt's time plus the lease, and a finished row keeps it). Chunks of
    /// <paramref name="chunk"/> rows, each its own short statement, so a large backlog never holds long locks.
    /// </summary>
    public async Task<long> PruneAsync(TimeSpan retention, int chunk, CancellationToken ct)
    {
        const string sql = """
            DELETE FROM notification_outbox o
            USING (SELECT user_pool_id, id FROM notification_outbox
                   WHERE status IN ('sent', 'dead') AND next_attempt_at < now() - @retention
                   LIMIT @chunk) old
            WHERE o.user_pool_id = old.user_pool_id AND o.id = old.id
            """;
        long total = 0;
        int deleted;
        do
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.AddWithValue("retention", NpgsqlDbType.Interval, retention);
            command.Parameters.AddWithValue("chunk", chunk);
            deleted = await command.ExecuteNonQueryAsync(ct);
            total += deleted;
        }
        while (deleted == chunk);

        return total;
    }

    /// <summary>Messages by status across all pools; "due" are the pending ones that could be claimed now.</summary>
    public async Task<OutboxCounts> CountAsync(CancellationToken ct)
    {
        const string sql = """
            SELECT count(*) FILTER (WHERE status = 'pending'),
                   count(*) FILTER (WHERE status = 'pending' AND next_attempt_at <= now()),
                   count(*) FILTER (WHERE status = 'sent'),
                   count(*) FILTER (WHERE status = 'dead'),
                   min(created_at) FILTER (WHERE status = 'pending')
            FROM notification_outbox
            """;
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new OutboxCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.IsDBNull(4) ? null : reader.GetDateTime(4));
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

public sealed record OutboxCounts(long Pending, long Due, long Sent, long Dead, DateTime? OldestPendingCreatedAt);
