using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Npgsql;
using UserPool.Api.Accounts;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Keys;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Accounts.Validation;
using UserPool.Api.CustomFields.Promises;
using UserPool.Api.Data.Entities;
using Microsoft.Extensions.DependencyInjection;
using UserPool.Api.Infrastructure;
using UserPool.Api.Observability;
using UserPool.Api.Passwords;
using UserPool.Api.Passwords.Transport;
using UserPool.Api.Security;
using UserPool.Benchmarks.Workload;

namespace UserPool.Benchmarks.Profiling;

/// <summary>Stage medians in process, and the same batch shape timed end to end against the server.</summary>
public sealed record ProfileResult(double[] Stages, double EndToEndMs, double DryRunMs, double RefusedAfterParseMs);

/// <summary>
/// Where a batch's time goes: the create pipeline's own stages, called in this process one after the other
/// with a stopwatch around each (in the server, hashing overlaps the lookups; here it is timed on its own so
/// it can be attributed). What the end-to-end latency holds beyond their sum is HTTP, authentication, body
/// buffering and the client.
/// </summary>
public sealed class StageProfile(NpgsqlDataSource dataSource, string poolId, UserFactory users, int workFactor) : IDisposable
{
    public static readonly string[] Stages =
    [
        "parse (JSON → request)", "validate + drafts + in-batch duplicates", "open connection",
        "reference lookups (departments, tenants, custom fields) + checks", ConflictStage,
        "hashing", "BEGIN + COPY accounts (above 100 a batch)",
        "identities, department links, custom-field lock (one batch of statements; the accounts too, up to 100)", "COMMIT",
        "serialize answer (JSON)",
    ];

    /// <summary>
    /// Timed for every batch, but on the server's critical path only with passwords to hash (and then overlapped
    /// by the hashing): with kept hashes the write goes first and the query runs only if a unique index refuses it.
    /// </summary>
    public const string ConflictStage = "conflict query (5 unique-key probes per user)";

    /// <summary>The stages a batch waits for in the server: the conflict query only where nothing hashes.</summary>
    public static double CriticalPath(double[] stages, bool plaintext) =>
        stages.Where((_, i) => plaintext || Stages[i] != ConflictStage).Sum();

    private readonly JsonSerializerOptions _json = JsonDefaults.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    private readonly PasswordHashingPool _hashing = new(
        Options.Create(new PasswordOptions { BcryptWorkFactor = workFactor }), Options.Create(new AccountsOptions { MaxBatchSize = 5000 }),
        new UserPoolMetrics(
            new ServiceCollection().AddMetrics().BuildServiceProvider()
                .GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            Options.Create(new TelemetryOptions())));
    private readonly PasswordTransport _transport = new(null!, Options.Create(new TransportKeyOptions()), TimeProvider.System);
    private readonly SecretProtector _protector = new(new EphemeralDataProtectionProvider());
    private readonly AccountItemValidator _validator = new(AccountKind.User);
    private readonly CustomFieldSecrets _customFieldSecrets = new(
        new EphemeralDataProtectionProvider(), Microsoft.Extensions.Logging.Abstractions.NullLogger<CustomFieldSecrets>.Instance);

    /// <summary>
    /// Median milliseconds of each stage over <paramref name="batches"/> batches, each followed by the same shape of
    /// batch sent to the server: in full, with dryRun (every check and the answer, no write) and, for kept hashes,
    /// with an unknown option after the list (refused once the whole body is read and parsed). Interleaved, so all see
    /// the same machine.
    /// </summary>
    public async Task<ProfileResult> MeasureAsync(int batchSize, int batches, bool plaintext, ApiClient api)
    {
        var times = Stages.Select(_ => new List<double>()).ToArray();
        var (full, dry, refused) = (new List<double>(), new List<double>(), new List<double>());
        var warmUp = plaintext ? 1 : 5;
        for (var b = 0; b < batches + warmUp; b++)
        {
            // Start each batch on a collected heap: this process still holds the garbage of the bodies it sent before.
            var body = Body(batchSize, plaintext);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var one = await OneBatchAsync(body);
            var e2e = await TimeAsync(api, Body(batchSize, plaintext), 200);
            var dryRun = plaintext ? double.NaN : await TimeAsync(api, Body(batchSize, plaintext, dryRun: true), 200);
            var parsedOnly = plaintext ? double.NaN : await TimeAsync(api, Body(batchSize, plaintext, unknownOption: true), 400);
            if (b < warmUp)
            {
                // The first batches warm up this process's code paths and are not counted; the pause lets the
                // tiered JIT finish their optimised versions (on a busy machine its thread runs late).
                await Task.Delay(b == warmUp - 1 ? 1000 : 0);
                continue;
            }

            for (var s = 0; s < one.Length; s++)
            {
                times[s].Add(one[s]);
            }

            full.Add(e2e);
            dry.Add(dryRun);
            refused.Add(parsedOnly);
        }

        return new ProfileResult(times.Select(Stats.Median).ToArray(), Stats.Median(full), Stats.Median(dry), Stats.Median(refused));
    }

    private byte[] Body(int count, bool plaintext, bool dryRun = false, bool unknownOption = false) =>
        RequestBodies.CreateUsersBatch(users.Make(count, plaintext), keepPassword: !plaintext, dryRun, unknownOption);

    private static async Task<double> TimeAsync(ApiClient api, byte[] body, int expectedStatusCode)
    {
        var start = Stopwatch.GetTimestamp();
        await api.PostAsync("/api/v3/create-users-batch", body, expectedStatusCode);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private async Task<double[]> OneBatchAsync(byte[] body)
    {
        var t = new double[Stages.Length];
        var clock = Stopwatch.StartNew();
        double Lap()
        {
            var elapsed = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            return elapsed;
        }

        var request = JsonSerializer.Deserialize<CreateAccountsBatchRequest>(body, _json)!;
        t[0] = Lap();
        var command = new CreateAccountsCommand(poolId, AccountKind.User, request.List, request.Options);
        var items = BatchShape.Check(command, 5000);
        var errors = new BatchErrors(singleItem: false);
        var now = Timestamps.Now(TimeProvider.System);
        var builder = new DraftBuilder(poolId, AccountKind.User, now, new AccountsOptions().DefaultPhotoUrl, _protector);
        var drafts = new List<AccountDraft>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var keys = AccountKeys.Of(items[i]);
            var failures = _validator.Validate(keys.ContextFor(items[i])).Errors;
            drafts.Add(builder.Build(i, items[i], keys, command.Options, isValid: failures.Count == 0));
        }

        var passwords = new PasswordStep(_hashing, _transport, now, "stage-profile");
        passwords.Prepare(drafts, errors);
        DuplicateDetector.Check(drafts, errors);
        t[1] = Lap();
        await using var connection = await dataSource.OpenConnectionAsync();
        t[2] = Lap();
        var found = await BatchLookups.RunAsync(connection, poolId, drafts, conflicts: false, CancellationToken.None);
        ReferenceCheck.Apply(drafts, found, errors);
        CustomDataCheck.Apply(drafts, found.CustomFields, errors);
        await CustomFieldPromisesCheck.ApplyAsync(connection, poolId, drafts, found.CustomFields, _customFieldSecrets, errors, CancellationToken.None);
        t[3] = Lap();
        ConflictCheck.Apply(await BatchLookups.ConflictsAsync(connection, poolId, drafts, CancellationToken.None), errors);
        if (errors.Any)
        {
            throw errors.ToException();
        }

        t[4] = Lap();
        await passwords.HashAsync(drafts, CancellationToken.None);
        t[5] = Lap();
        await using var transaction = await connection.BeginTransactionAsync();
        // As AccountWriter: a small batch's accounts travel in the batch of statements that follows them.
        var accounts = drafts.Select(d => d.Account).ToList();
        var inserted = accounts.Count <= AccountWriter.InsertedUpTo;
        if (!inserted)
        {
            await AccountCopy.Accounts.WriteAsync(connection, accounts, CancellationToken.None);
        }

        t[6] = Lap();
        await AccountWriter.WriteFollowingRowsAsync(connection, drafts, [], CancellationToken.None, inserted ? accounts : null);
        t[7] = Lap();
        await transaction.CommitAsync();
        t[8] = Lap();
        var views = drafts.Select(d => new AccountView(d.Account, d.DepartmentIds, d.Identities, RawJson.From(d.Account.CustomData) ?? RawJson.EmptyObject));
        var answer = JsonSerializer.SerializeToUtf8Bytes(Envelope.Success(views.Select(v => new UserDto(v))), _json);
        t[9] = Lap();
        GC.KeepAlive(answer);
        return t;
    }

    public void Dispose()
    {
        _hashing.Dispose();
        _transport.Dispose();
    }
}
