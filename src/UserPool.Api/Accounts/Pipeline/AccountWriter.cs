using Npgsql;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// Writes a batch in one transaction: accounts, identities, department and tenant links, outbox rows
/// (and the stored answer of an idempotent request).
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
        await CustomFieldRows.WriteAsync(connection, drafts, ct);
        if (drafts.Any(d => d.Identities.Count > 0))
        {
            await AccountCopy.Identities.WriteAsync(connection, drafts.SelectMany(d => d.Identities), ct);
        }

        if (drafts.Any(d => d.DepartmentIds.Count > 0))
        {
            await AccountCopy.Departments.WriteAsync(connection, AccountCopy.DepartmentLinks(drafts), ct);
        }

        if (drafts.Any(d => d.TenantIds.Count > 0))
        {
            await AccountCopy.Tenants.WriteAsync(connection, AccountCopy.TenantLinks(drafts), ct);
        }

        if (outbox.Count > 0)
        {
            await AccountCopy.Outbox.WriteAsync(connection, outbox, ct);
        }

        if (alsoInTransaction is not null)
        {
            await alsoInTransaction();
        }

        await transaction.CommitAsync(ct);
    }
}
