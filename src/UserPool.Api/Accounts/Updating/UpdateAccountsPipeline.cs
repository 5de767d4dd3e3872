using Microsoft.Extensions.Options;
using Npgsql;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Idempotency;
using UserPool.Api.Accounts.Keys;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.Accounts.Validation;
using UserPool.Api.CustomFields.Promises;
using UserPool.Api.Data;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Notifications;
using UserPool.Api.Passwords;
using UserPool.Api.Passwords.Transport;
using UserPool.Api.Security;

namespace UserPool.Api.Accounts.Updating;

/// <summary>
/// Updates users and public accounts (the kind is a parameter) through the create pipeline's steps: every item is
/// validated by the create rules for the fields it sends, its account found, its changed keys checked against the
/// batch and the pool (an account never conflicts with itself, nor with a batch member that gives the key up), while
/// new passwords hash on the fair pool; then everything is written in one transaction. All-or-nothing; every
/// failing item is reported at once.
/// </summary>
public sealed class UpdateAccountsPipeline(
    NpgsqlDataSource dataSource,
    PasswordHashingPool hashing,
    PasswordTransport transport,
    SecretProtector protector,
    IdempotencyStore idempotency,
    OutboxSignal outboxSignal,
    DeadlockRetry deadlockRetry,
    CustomFieldSecrets customFieldSecrets,
    IOptions<AccountsOptions> options,
    TimeProvider clock)
{
    private static readonly AccountItemValidator UserValidator = new(AccountKind.User, forUpdate: true);
    private static readonly AccountItemValidator PublicAccountValidator = new(AccountKind.PublicAccount, forUpdate: true);

    public async Task<IReadOnlyList<AccountView>> UpdateAsync(UpdateAccountsCommand command, CancellationToken ct)
    {
        var items = UpdateShape.Check(command, options.Value.MaxBatchSize);
        var idType = AccountIdTypes.Parse(command.Options?.UserIdType);
        var now = Timestamps.Now(clock);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (WriteFirst.Applies(command, items, idType) && await TryWriteFirstAsync(connection, command, items, now, ct) is { } written)
        {
            return written;
        }

        return await ReadFirstAsync(connection, command, items, idType, now, ct);
    }

    /// <summary>
    /// The careful way: the accounts are read first, so that every failing item is named (an id not found, a key held by
    /// another account, a swap inside the batch) and a dry run can answer the accounts as they would be.
    /// </summary>
    private async Task<IReadOnlyList<AccountView>> ReadFirstAsync(
        NpgsqlConnection connection, UpdateAccountsCommand command, IReadOnlyList<UpdateAccountItem> items, AccountIdType idType, DateTime now,
        CancellationToken ct)
    {
        var errors = new BatchErrors(command.SingleItem);
        var (targets, anyNotFound) = await UpdateTargets.FindAsync(connection, command, items, idType, errors, ct);
        if (command.SingleItem && anyNotFound)
        {
            // As get-user answers an unknown account (404, apiCode 2004); in a batch it is one item's error among the others.
            throw ApiException.NotFound(ReadMessages.NotFound(command.Kind), ReadMessages.NotFoundApiCode);
        }

        var updates = Prepare(command, items, targets, errors);
        var drafts = updates.Select(u => u.Draft).ToList();
        var passwords = new PasswordStep(hashing, transport, now, command.PoolId);
        passwords.Prepare(drafts, errors);
        DuplicateDetector.Check(drafts, errors);
        var dryRun = command.Options?.DryRun == true;
        // As on create: with nothing to hash the unique indexes are asked first, by the write itself, and the conflict
        // query runs only to name the conflicts of a refused write (or of a batch failing anyway); the answer is the same.
        var conflictsFirst = dryRun || passwords.WillHash || errors.Any;
        await CheckAgainstDatabaseAsync(connection, command.PoolId, updates, errors, conflictsFirst, ct);
        if (errors.Any)
        {
            throw errors.ToException();
        }

        // From the accounts as read, before PatchBuilder.Apply turns them into the accounts as they will be.
        UpdateHolders.MarkKeysGivenUp(updates);
        await passwords.HashAsync(drafts, ct);
        if (dryRun)
        {
            // A dry run answers the accounts as they would be, ids included (they exist).
            foreach (var update in updates)
            {
                PatchBuilder.Apply(update, now, JsonMerge.Objects);
            }

            return updates.Select(u => View(u.Stored)).ToList();
        }

        try
        {
            return await WriteCheckedAsync(connection, command, updates, now, ct);
        }
        catch (AccountMissing gone)
        {
            // Deleted by a concurrent request after it was read: nothing of the batch is written.
            throw ApiException.NotFound(ReadMessages.NotFound(command.Kind) + $" ({gone.AccountId})", ReadMessages.NotFoundApiCode);
        }
    }

    /// <summary>
    /// As create does, a batch that can only succeed one way is written without reading its accounts first: the
    /// UPDATE finds them by id and answers them as stored (the same rows the careful way answers). Null, with nothing
    /// written, when the batch needs the careful way after all: an item fails a check, an id is not there, or the
    /// unique indexes refuse a key (held outside the batch, or swapped inside it); that way then names every failure.
    /// </summary>
    private async Task<IReadOnlyList<AccountView>?> TryWriteFirstAsync(
        NpgsqlConnection connection, UpdateAccountsCommand command, IReadOnlyList<UpdateAccountItem> items, DateTime now, CancellationToken ct)
    {
        var errors = new BatchErrors(command.SingleItem);
        var updates = Prepare(command, items, items.Select(i => WriteFirst.Unread(command, i)).ToArray(), errors);
        var drafts = updates.Select(u => u.Draft).ToList();
        var passwords = new PasswordStep(hashing, transport, now, command.PoolId);
        passwords.Prepare(drafts, errors);
        DuplicateDetector.Check(drafts, errors);
        if (errors.Any || passwords.WillHash)
        {
            return null;
        }

        var found = await BatchLookups.RunAsync(connection, command.PoolId, drafts, conflicts: false, ct);
        CustomDataCheck.Apply(drafts, found.CustomFields, errors);
        await CustomFieldPromisesCheck.ApplyAsync(connection, command.PoolId, drafts, found.CustomFields, customFieldSecrets, errors, ct);
        if (errors.Any)
        {
            return null;
        }

        try
        {
            return await WriteAsync(connection, command, updates, now, ct);
        }
        catch (Exception refused) when (refused is AccountMissing
            || refused is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } || DatabaseFaults.IsLockConflict(refused))
        {
            return null;
        }
    }

    private static List<UpdateDraft> Prepare(UpdateAccountsCommand command, IReadOnlyList<UpdateAccountItem> items, Account?[] targets, BatchErrors errors)
    {
        var validator = command.Kind == AccountKind.PublicAccount ? PublicAccountValidator : UserValidator;
        var updates = new List<UpdateDraft>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            var createItem = items[index].AsCreateItem();
            var keys = AccountKeys.Of(createItem);
            var failures = validator.Validate(keys.ContextFor(createItem)).Errors;
            foreach (var failure in failures)
            {
                // The update DTO calls metadataSource "metadata".
                var field = failure.PropertyName == "MetadataSource" || failure.PropertyName == "metadataSource" ? "metadata" : failure.PropertyName;
                errors.Invalid(index, field, failure.ErrorCode, failure.ErrorMessage.Replace("metadataSource", "metadata", StringComparison.Ordinal));
            }

            if (targets[index] is { } stored)
            {
                updates.Add(PatchBuilder.Build(index, items[index], createItem, keys, stored, command.Options, isValid: failures.Count == 0));
            }
        }

        return updates;
    }

    private async Task CheckAgainstDatabaseAsync(
        NpgsqlConnection connection, string poolId, List<UpdateDraft> updates, BatchErrors errors, bool conflicts, CancellationToken ct)
    {
        var checkable = updates.Where(u => u.Draft.IsValid).ToList();
        var drafts = checkable.Select(u => u.Draft).ToList();
        var found = await BatchLookups.RunAsync(connection, poolId, drafts, conflicts, ct);
        CustomDataCheck.Apply(drafts, found.CustomFields, errors);
        var holders = new UpdateHolders(checkable);
        await CustomFieldPromisesCheck.ApplyAsync(connection, poolId, drafts, found.CustomFields, customFieldSecrets, errors, ct,
            holders.IsSelfOrFreedCustomValue);
        ConflictCheck.Apply(found.Holders.Where(h => !holders.IsSelfOrFreed(h)).ToList(), errors);
        if (!conflicts && errors.Any)
        {
            // The batch fails without a write: name its conflicts too, as when they are looked for first.
            var stored = await BatchLookups.ConflictsAsync(connection, poolId, drafts, ct);
            ConflictCheck.Apply(stored.Where(h => !holders.IsSelfOrFreed(h)).ToList(), errors);
        }
    }

    /// <summary>The careful way's write: a key a concurrent request took after the checks is named as the checks name it.</summary>
    private Task<IReadOnlyList<AccountView>> WriteCheckedAsync(
        NpgsqlConnection connection, UpdateAccountsCommand command, List<UpdateDraft> updates, DateTime now, CancellationToken ct) =>
        LateConflicts.WriteAsync(
            () => WriteAsync(connection, command, updates, now, ct),
            late => CheckAgainstDatabaseAsync(connection, command.PoolId, updates, late, conflicts: true, ct),
            command.SingleItem);

    /// <summary>Writes the batch in one transaction (deadlocks retried) and answers the accounts as stored, in the items' order.</summary>
    private async Task<IReadOnlyList<AccountView>> WriteAsync(
        NpgsqlConnection connection, UpdateAccountsCommand command, List<UpdateDraft> updates, DateTime now, CancellationToken ct)
    {
        var outbox = updates.SelectMany(u => PasswordChangedMessages.For(u, now, RequestLanguage.Current, protector)).ToList();
        IReadOnlyList<AccountView>? views = null;
        await deadlockRetry.RunAsync(async () =>
        {
            views = null;
            await AccountUpdateWriter.WriteAsync(connection, command.PoolId, command.Kind, updates, outbox, now, async stored =>
            {
                // The answer is rendered from the rows as stored, inside the transaction, so an idempotent request stores it.
                views = updates.Select(u => View(stored[u.Stored.Id])).ToList();
                if (command.Idempotency is { } ticket)
                {
                    await idempotency.SaveAsync(connection, command.PoolId, ticket, ticket.RenderAnswer(views), ct);
                }
            }, ct);
        }, ct);
        if (outbox.Count > 0)
        {
            outboxSignal.Notify();
        }

        return views!;
    }

    private AccountView View(Account account) =>
        new(account, null, null, RawJson.From(customFieldSecrets.Reveal(account.CustomData, account.Id)) ?? RawJson.EmptyObject)
        {
            WithPostIds = account.Kind == AccountKind.User,
        };
}
