using Npgsql;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Updating;

/// <summary>
/// Writes an update batch in one transaction: frees the keys it moves, replaces unique custom-field values, updates
/// every account in one statement, queues the notifications (and stores the answer of an idempotent request). The
/// unique indexes have the final word: a key a concurrent request took since the checks fails the whole transaction.
/// </summary>
internal static class AccountUpdateWriter
{
    public static async Task WriteAsync(NpgsqlConnection connection, string poolId, AccountKind kind, IReadOnlyList<UpdateDraft> drafts,
        IReadOnlyList<Data.Entities.OutboxMessage> outbox, DateTime now, Func<Task>? alsoInTransaction, CancellationToken ct)
    {
        var customFieldDrafts = drafts.Select(d => d.Draft).ToList();
        var uniqueValues = customFieldDrafts.Any(d => d.UniqueCustomValues.Count > 0);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var batch = new NpgsqlBatch(connection))
        {
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
            var updated = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                var more = true;
                if (checkCustomFields is not null)
                {
                    await checkCustomFields(reader, ct);
                    more = await reader.NextResultAsync(ct);
                }

                while (more)
                {
                    while (await reader.ReadAsync(ct))
                    {
                        updated.Add(reader.GetString(0));
                    }

                    more = await reader.NextResultAsync(ct);
                }
            }

            if (drafts.FirstOrDefault(d => !updated.Contains(d.Stored.Id)) is { } gone)
            {
                // Deleted by a concurrent request after it was read: nothing of the batch is written.
                throw ApiException.NotFound(Reading.ReadMessages.NotFound(kind) + $" ({gone.Stored.Id})", Reading.ReadMessages.NotFoundApiCode);
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
            await alsoInTransaction();
        }

        await transaction.CommitAsync(ct);
    }
}
