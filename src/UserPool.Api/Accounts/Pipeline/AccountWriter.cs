using Npgsql;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// Writes a batch in one transaction: accounts, identities, department and tenant links, outbox rows
/// (and the stored answer of an idempotent request). Everything goes as one batch of statements, one round trip for
/// all, except the accounts of a large batch: above <see cref="InsertedUpTo"/> they go first by binary COPY (most of
/// the bytes, and the cheapest for PostgreSQL per row), which costs two round trips of its own. At 50 users a batch
/// the round trips weigh more: sending the accounts as an INSERT in the batch took the server's CPU per user from
/// 0.112–0.115 to 0.096–0.101 s per 1,000 and PostgreSQL's from 0.18–0.19 to 0.17–0.18 (docs/benchmarks.md).
/// The unique indexes have the final word: a key taken by a concurrent request since the checks fails the
/// whole transaction with 23505, and nothing of the batch remains.
/// </summary>
public static class AccountWriter
{
    /// <summary>Up to this many accounts travel as an INSERT in the batch that follows (no COPY round trips of their own).</summary>
    public const int InsertedUpTo = 100;

    public static async Task WriteAsync(
        NpgsqlConnection connection, IReadOnlyList<AccountDraft> drafts, IReadOnlyList<OutboxMessage> outbox,
        Func<Task>? alsoInTransaction, CancellationToken ct)
    {
        drafts = InKeyOrder(drafts);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var accounts = drafts.Select(d => d.Account).ToList();
        if (accounts.Count > InsertedUpTo)
        {
            await AccountCopy.Accounts.WriteAsync(connection, accounts, ct);
            await WriteFollowingRowsAsync(connection, drafts, outbox, ct);
        }
        else
        {
            await WriteFollowingRowsAsync(connection, drafts, outbox, ct, accounts);
        }

        if (alsoInTransaction is not null)
        {
            await alsoInTransaction();
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// One round trip: the custom-field lock, the accounts when given (a small batch's), the unique custom-field values,
    /// identities, links and messages.
    /// </summary>
    public static async Task WriteFollowingRowsAsync(
        NpgsqlConnection connection, IReadOnlyList<AccountDraft> drafts, IReadOnlyList<OutboxMessage> outbox, CancellationToken ct,
        IReadOnlyList<Account>? accounts = null)
    {
        await using var batch = new NpgsqlBatch(connection);
        // The accounts before the rows that refer to them (the custom-field lock still goes first: AddTo puts it there).
        AddRows(batch, AccountCopy.Accounts, accounts ?? []);
        var checkCustomFields = CustomFieldRows.AddTo(batch, drafts);
        AddRows(batch, AccountCopy.Identities, drafts.SelectMany(d => d.Identities)
            .OrderBy(i => i.ExtIdpId, StringComparer.Ordinal).ThenBy(i => i.Type, StringComparer.Ordinal).ThenBy(i => i.UserIdInIdp, StringComparer.Ordinal)
            .ToList());
        AddRows(batch, AccountCopy.Departments, AccountCopy.DepartmentLinks(drafts).ToList());
        AddRows(batch, AccountCopy.Tenants, AccountCopy.TenantLinks(drafts).ToList());
        AddRows(batch, AccountCopy.Outbox, outbox);
        if (batch.BatchCommands.Count == 0)
        {
            return;
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (checkCustomFields is not null)
        {
            await checkCustomFields(reader, ct);
        }

        // Read to the end, so a statement's error surfaces here and not when the reader is disposed.
        while (await reader.NextResultAsync(ct))
        {
        }
    }

    /// <summary>
    /// Every batch writes its accounts in one shared order of their keys (e-mail, then phone, username, externalId;
    /// identities likewise by their own key), so two batches that hold the same keys take them in the same order: the
    /// later one waits for the earlier instead of each holding a key the other inserts next. Without it, eight clients
    /// sending the same e-mails in opposite orders made deadlock victims that lost all of DeadlockRetry's attempts
    /// (a retried victim, waiting first, was chosen again). Batches that share keys of different kinds can still
    /// cross, as an order by e-mail is not one by phone; the retry covers those.
    /// </summary>
    private static List<AccountDraft> InKeyOrder(IReadOnlyList<AccountDraft> drafts) => drafts
        .OrderBy(d => d.Account.EmailKey, StringComparer.Ordinal)
        .ThenBy(d => d.Account.PhoneKey, StringComparer.Ordinal)
        .ThenBy(d => d.Account.UsernameKey, StringComparer.Ordinal)
        .ThenBy(d => d.Account.ExternalId, StringComparer.Ordinal)
        .ToList();

    private static void AddRows<TRow>(NpgsqlBatch batch, CopyTable<TRow> table, IReadOnlyList<TRow> rows)
    {
        if (rows.Count > 0)
        {
            batch.BatchCommands.Add(table.Insert(rows));
        }
    }
}
