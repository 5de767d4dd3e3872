using Microsoft.Extensions.Options;
using Npgsql;
using UserPool.Api.Accounts.Idempotency;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.Accounts.Validation;
using UserPool.Api.Data.Entities;
using UserPool.Api.Data;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Deletion;

/// <summary>
/// Deletes users or public accounts (the kind is a parameter) named by one userIdType, all or none, in a bounded
/// number of statements whatever the batch size: one lookup of every id (unless a batch of distinct ids was deleted
/// whole by the DELETE alone), one DELETE of every account found (the foreign keys cascade to identities, department
/// and tenant links, unique custom-field values and notifications not yet sent), and the idempotent answer, in one
/// transaction. An id that names no account of the kind (a public
/// account is not a user) or the same account twice fails the batch with every such item listed.
/// </summary>
public sealed class DeleteAccountsPipeline(
    NpgsqlDataSource dataSource,
    DeadlockRetry deadlockRetry,
    IdempotencyStore idempotency,
    IOptions<AccountsOptions> options,
    ILogger<DeleteAccountsPipeline> logger)
{
    public async Task DeleteAsync(
        string poolId, AccountKind kind, DeleteAccountsBatchRequest? request, IdempotencyTicket? ticket, CancellationToken ct)
    {
        var (type, keys) = DeleteBatchShape.Check(request, options.Value.MaxBatchSize);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (request!.Options?.DryRun == true)
        {
            Named(kind, keys, await AccountLookup.FindIdsAsync(connection, poolId, kind, type, keys, ct));
            return;
        }

        var deleted = 0;
        // Accounts named by distinct ids are deleted first, as create writes first: when every one of them was there the
        // batch is done in one statement; else it is rolled back and looked up to name every failing item.
        var distinctIds = type == AccountIdType.UserId ? keys.Select(k => k.Candidates[0].Value).Distinct(StringComparer.Ordinal).ToArray() : [];
        var deletedFirst = false;
        if (distinctIds.Length == keys.Count)
        {
            await deadlockRetry.RunAsync(async () =>
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                deleted = await DeleteRowsAsync(connection, poolId, kind, distinctIds, ct);
                deletedFirst = deleted == distinctIds.Length;
                if (deletedFirst)
                {
                    await CommitAsync(connection, transaction, poolId, ticket, ct);
                }
            }, ct);
        }

        if (deletedFirst)
        {
            logger.LogInformation("Deleted {Count} accounts of kind {Kind} in pool {PoolId}", deleted, kind, poolId);
            return;
        }

        // Each attempt is one whole transaction: a deadlock victim looks the ids up again, since a concurrent delete
        // may have removed some meanwhile (and then its refusal names them).
        await deadlockRetry.RunAsync(async () =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var ids = Named(kind, keys, await AccountLookup.FindIdsAsync(connection, poolId, kind, type, keys, ct));
            deleted = await DeleteRowsAsync(connection, poolId, kind, ids, ct);
            await CommitAsync(connection, transaction, poolId, ticket, ct);
        }, ct);
        logger.LogInformation("Deleted {Count} accounts of kind {Kind} in pool {PoolId}", deleted, kind, poolId);
    }

    private async Task CommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string poolId, IdempotencyTicket? ticket, CancellationToken ct)
    {
        if (ticket is not null)
        {
            // A delete answers no accounts: the answer is rendered from none.
            await idempotency.SaveAsync(connection, poolId, ticket, ticket.RenderAnswer([]), ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>The account ids, when every key names a distinct account of the kind; else every failing item at once.</summary>
    private static string[] Named(AccountKind kind, IReadOnlyList<AccountKey> keys, Dictionary<int, string> found)
    {
        var errors = new List<ItemError>();
        var firstIndexOf = new Dictionary<string, int>();
        for (var index = 0; index < keys.Count; index++)
        {
            var path = $"{DeleteBatchShape.Field}[{index}]";
            if (!found.TryGetValue(index, out var id))
            {
                errors.Add(new ItemError(index, path, ErrorCodes.NotFound, ReadMessages.NotFound(kind)));
            }
            else if (!firstIndexOf.TryAdd(id, index))
            {
                errors.Add(new ItemError(index, path, ErrorCodes.DuplicateInBatch, DeleteMessages.SameAccount(firstIndexOf[id]))
                {
                    Conflict = Conflict.WithItem(firstIndexOf[id]),
                });
            }
        }

        if (errors.Count == 0)
        {
            return [.. firstIndexOf.Keys];
        }

        // A repeated account is a malformed request (400); ids that name nobody are a 404 with Authing's "user not found" apiCode.
        var malformed = errors.Exists(e => e.Code == ErrorCodes.DuplicateInBatch);
        var lead = malformed ? [.. errors.Where(e => e.Code == ErrorCodes.DuplicateInBatch), .. errors.Where(e => e.Code != ErrorCodes.DuplicateInBatch)] : errors;
        var message = $"{lead[0].Field}: {DeleteBatchShape.Lead(lead)}";
        throw malformed ? ApiException.BadRequest(message, errors) : new ApiException(404, message, ReadMessages.NotFoundApiCode, errors);
    }

    /// <summary>
    /// One statement for the whole batch. A concurrent delete may have removed some accounts since the lookup; they are
    /// gone either way, which is what was asked.
    /// </summary>
    private static async Task<int> DeleteRowsAsync(NpgsqlConnection connection, string poolId, AccountKind kind, string[] ids, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("DELETE FROM accounts WHERE user_pool_id = $1 AND kind = $2 AND id = ANY($3)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = poolId });
        command.Parameters.Add(new NpgsqlParameter { Value = (short)kind });
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        return await command.ExecuteNonQueryAsync(ct);
    }
}
