using Npgsql;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// Writes a batch in one transaction: accounts, identities, department and tenant links, outbox rows
/// (and the stored answer of an idempotent request). The accounts go by binary COPY (most of the bytes; the cheapest
/// for PostgreSQL); everything that follows them goes as one batch of statements, one round trip for all (a COPY costs
/// two of its own: at 50 users a batch, round trips were a large part of a request's fixed cost).
/// The unique indexes have the final word: a key taken by a concurrent request since the checks fails the
/// whole transaction with 23505, and nothing of the batch remains.
/// </summary>
public static class AccountWriter
{
    public static async Task WriteAsync(
        NpgsqlConnection connection, IReadOnlyList<AccountDraft> drafts, IReadOnlyList<OutboxMessage> outbox,
        Func<Task>? alsoInTransaction, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await AccountCopy.Accounts.WriteAsync(connection, drafts.Select(d => d.Account), ct);
        await WriteFollowingRowsAsync(connection, drafts, outbox, ct);
        if (alsoInTransaction is not null)
        {
            await alsoInTransaction();
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>What follows the accounts, in one round trip: the custom-field lock and unique values, identities, links, messages.</summary>
    public static async Task WriteFollowingRowsAsync(
        NpgsqlConnection connection, IReadOnlyList<AccountDraft> drafts, IReadOnlyList<OutboxMessage> outbox, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        var checkCustomFields = CustomFieldRows.AddTo(batch, drafts);
        AddRows(batch, AccountCopy.Identities, drafts.SelectMany(d => d.Identities).ToList());
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

    private static void AddRows<TRow>(NpgsqlBatch batch, CopyTable<TRow> table, IReadOnlyList<TRow> rows)
    {
        if (rows.Count > 0)
        {
            batch.BatchCommands.Add(table.Insert(rows));
        }
    }
}
