using Microsoft.Extensions.Options;
using Npgsql;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Idempotency;
using UserPool.Api.Accounts.Keys;
using UserPool.Api.Accounts.Validation;
using UserPool.Api.CustomFields.Promises;
using UserPool.Api.Data;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Notifications;
using UserPool.Api.Passwords;
using UserPool.Api.Passwords.Transport;
using UserPool.Api.Security;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// Creates users and public accounts (the kind is a parameter): validate every item, find duplicates in the
/// batch, check references and stored conflicts in one round trip while passwords hash on every core, then
/// write everything in one transaction. All-or-nothing; every failing item is reported at once.
/// With no password to hash the conflict query would sit alone on the critical path (a sixth of a kept-hash
/// import's time, a third of its database work): then the unique indexes are asked first, by the write itself,
/// and the query runs only to name the conflicts of a write they refused; the answer is the same either way.
/// </summary>
public sealed class CreateAccountsPipeline(
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
    private static readonly AccountItemValidator UserValidator = new(AccountKind.User);
    private static readonly AccountItemValidator PublicAccountValidator = new(AccountKind.PublicAccount);

    public async Task<IReadOnlyList<AccountView>> CreateAsync(CreateAccountsCommand command, CancellationToken ct)
    {
        var items = BatchShape.Check(command, options.Value.MaxBatchSize);
        var errors = new BatchErrors(command.SingleItem);
        var now = Timestamps.Now(clock);
        var drafts = Prepare(command, items, now, errors);
        var passwords = new PasswordStep(hashing, transport, now, command.PoolId);
        passwords.Prepare(drafts, errors);
        DuplicateDetector.Check(drafts, errors);

        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Hashing (the slow part) overlaps the database checks; it is abandoned if any check fails.
        var hashed = errors.Any ? Task.CompletedTask : passwords.HashAsync(drafts, abandon.Token);
        var dryRun = command.Options?.DryRun == true;
        var conflictsFirst = dryRun || passwords.WillHash || errors.Any;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await CheckAgainstDatabaseAsync(connection, command.PoolId, drafts, errors, conflictsFirst, customFieldSecrets, ct);
        }
        finally
        {
            if (errors.Any)
            {
                await abandon.CancelAsync();
                await hashed.ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        if (errors.Any)
        {
            throw errors.ToException();
        }

        await hashed;
        var views = drafts.Select(d => View(d, dryRun)).ToList();
        if (!dryRun)
        {
            await WriteAsync(connection, command, drafts, views, ct);
        }

        return views;
    }

    private List<AccountDraft> Prepare(CreateAccountsCommand command, IReadOnlyList<CreateAccountItem> items, DateTime now, BatchErrors errors)
    {
        var validator = command.Kind == AccountKind.PublicAccount ? PublicAccountValidator : UserValidator;
        var builder = new DraftBuilder(command.PoolId, command.Kind, now, options.Value.DefaultPhotoUrl, protector);
        var drafts = new List<AccountDraft>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            // The unique keys are computed once: the validator reports their refusals, the draft stores them.
            var keys = AccountKeys.Of(items[index]);
            var failures = validator.Validate(keys.ContextFor(items[index])).Errors;
            foreach (var failure in failures)
            {
                errors.Invalid(index, failure.PropertyName, failure.ErrorCode, failure.ErrorMessage);
            }

            drafts.Add(builder.Build(index, items[index], keys, command.Options, isValid: failures.Count == 0));
        }

        return drafts;
    }

    private static async Task CheckAgainstDatabaseAsync(
        NpgsqlConnection connection, string poolId, List<AccountDraft> drafts, BatchErrors errors, bool conflicts,
        CustomFieldSecrets customFieldSecrets, CancellationToken ct)
    {
        var checkable = drafts.Where(d => d.IsValid).ToList();
        var found = await BatchLookups.RunAsync(connection, poolId, checkable, conflicts, ct);
        ReferenceCheck.Apply(checkable, found, errors);
        CustomDataCheck.Apply(checkable, found.CustomFields, errors);
        await CustomFieldPromisesCheck.ApplyAsync(connection, poolId, checkable, found.CustomFields, customFieldSecrets, errors, ct);
        ConflictCheck.Apply(found.Holders, errors);
        if (!conflicts && errors.Any)
        {
            // The batch fails without a write: name its conflicts too, as when they are looked for first.
            ConflictCheck.Apply(await BatchLookups.ConflictsAsync(connection, poolId, checkable, ct), errors);
        }
    }

    private async Task WriteAsync(
        NpgsqlConnection connection, CreateAccountsCommand command, List<AccountDraft> drafts, List<AccountView> views, CancellationToken ct)
    {
        var outbox = drafts.SelectMany(d => OutboxMessages.For(d, RequestLanguage.Current, protector)).ToList();
        Func<Task>? storeAnswer = command.Idempotency is { } ticket
            ? () => idempotency.SaveAsync(connection, command.PoolId, ticket, ticket.RenderAnswer(views), ct)
            : null;
        // Each attempt is one whole transaction (outbox rows and the idempotent answer included), so a retried deadlock
        // victim or a write tried again after a late conflict writes everything exactly once.
        await LateConflicts.WriteAsync(
            () => deadlockRetry.RunAsync(() => AccountWriter.WriteAsync(connection, drafts, outbox, storeAnswer, ct), ct),
            late => CheckAgainstDatabaseAsync(connection, command.PoolId, drafts, late, conflicts: true, customFieldSecrets, ct),
            command.SingleItem);
        if (outbox.Count > 0)
        {
            outboxSignal.Notify();
        }
    }

    private static AccountView View(AccountDraft draft, bool dryRun) =>
        new(draft.Account, draft.DepartmentIds, draft.Identities, RawJson.From(draft.Item.CustomData) ?? RawJson.EmptyObject) { IsDryRun = dryRun };
}
