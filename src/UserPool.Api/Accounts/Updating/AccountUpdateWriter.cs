using Npgsql;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Updating;

/// <summary>
/// Writes an update batch in one transaction: frees the keys it moves, replaces unique custom-field values, updates
/// every account in one statement, queues the notifications (and stores the answer of an idempotent request). The
/// unique indexes have the final word: a key a concurrent request took since the checks fails the whole transaction.
/// Answers the accounts as stored (the UPDATE's RETURNING), by id. An account of the batch that is not there (deleted
/// meanwhile, or never there for a batch written before its accounts were read) throws <see cref="AccountMissing"/>,
/// with nothing written.
/// </summary>
internal static class AccountUpdateWriter
{
    public static async Task<IReadOnlyDictionary<string, Account>> WriteAsync(NpgsqlConnection connection, string poolId, AccountKind kind,
        IReadOnlyList<UpdateDraft> drafts, IReadOnlyList<Data.Entities.OutboxMessage> outbox, DateTime now,
        Func<IReadOnlyDictionary<string, Account>, Task>? alsoInTransaction, CancellationToken ct)
    {
        var customFieldDrafts = drafts.Select(d => d.Draft).ToList();
        var uniqueValues = customFieldDrafts.Any(d => d.UniqueCustomValues.Count > 0);
        var written = new Dictionary<string, Account>(StringComparer.Ordinal);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var batch = new NpgsqlBatch(connection))
        {
            // One account's lock cannot be taken out of order: only a batch of several locks them first.
            var locksFirst = drafts.Count > 1;
            if (locksFirst)
            {
                batch.BatchCommands.Add(AccountUpdateSql.LockInIdOrder(poolId, kind, drafts));
            }

            // Only a swap needs its keys cleared first; an update that takes free keys is one UPDATE (half the row versions).
            if (drafts.Any(d => d.GivesUpKeyInBatch))
            {
                batch.BatchCommands.Add(AccountUpdateSql.FreeMovedKeys(poolId, kind, drafts));
            }

            var replaced = drafts.SelectMany(d => d.Draft.CustomFields.Where(f => f.IsUnique).Select(f => (d.Stored.Id, f.Key))).ToList();
            if (replaced.Count > 0)
            {
                batch.BatchCommands.Add(AccountUpdateSql.FreeCustomUniqueValues(poolId, replaced));
            }

            batch.BatchCommands.Add(AccountUpdateSql.Update(poolId, kind, drafts, now));
            // The custom-field lock rides in the same round trip (first, so its rows are the first result) unless the batch
            // writes unique values: those are inserted only once every account is known to be there (below).
            var checkCustomFields = uniqueValues ? null : CustomFieldRows.AddTo(batch, customFieldDrafts);
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                if (checkCustomFields is not null)
                {
                    await checkCustomFields(reader, ct);
                    await reader.NextResultAsync(ct);
                }

                // Past the row locks' ids, if taken. Then only the UPDATE answers rows; the statements freeing keys before it
                // answer none.
                var more = !locksFirst || await reader.NextResultAsync(ct);
                while (more)
                {
                    foreach (var account in await AccountRows.ReadAllAsync(reader, ct))
                    {
                        written[account.Id] = account;
                    }

                    more = await reader.NextResultAsync(ct);
                }
            }

            if (drafts.FirstOrDefault(d => !written.ContainsKey(d.Stored.Id)) is { } missing)
            {
                throw new AccountMissing(missing.Stored.Id);
            }
        }

        if (uniqueValues)
        {
            await CustomFieldRows.WriteAsync(connection, customFieldDrafts, ct);
        }

        if (outbox.Count > 0)
        {
            await AccountCopy.Outbox.WriteAsync(connection, outbox, ct);
        }

        if (alsoInTransaction is not null)
        {
            await alsoInTransaction(written);
        }

        await transaction.CommitAsync(ct);
        return written;
    }
}

/// <summary>An account the batch names is not there; the transaction is rolled back.</summary>
internal sealed class AccountMissing(string accountId) : Exception($"Account {accountId} is not there")
{
    public string AccountId => accountId;
}
