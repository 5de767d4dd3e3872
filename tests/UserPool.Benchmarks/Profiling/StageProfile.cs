using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Npgsql;
using UserPool.Api.Accounts;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Accounts.Validation;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Passwords;
using UserPool.Api.Passwords.Transport;
using UserPool.Api.Security;
using UserPool.Benchmarks.Workload;

namespace UserPool.Benchmarks.Profiling;

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
        "parse (JSON → request)", "validate + drafts + in-batch duplicates", "open connection", "lookups (1 batch of 4 queries) + checks",
        "hashing", "BEGIN + COPY accounts", "COPY identities", "COPY department links", "COMMIT", "serialize answer (JSON)",
    ];

    private readonly JsonSerializerOptions _json = JsonDefaults.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    private readonly PasswordHashingPool _hashing = new(Options.Create(new PasswordOptions { BcryptWorkFactor = workFactor }));
    private readonly PasswordTransport _transport = new(null!, Options.Create(new TransportKeyOptions()), TimeProvider.System);
    private readonly SecretProtector _protector = new(new EphemeralDataProtectionProvider());
    private readonly AccountItemValidator _validator = new(AccountKind.User);

    /// <summary>Median milliseconds of each stage over <paramref name="batches"/> batches.</summary>
    public async Task<double[]> MeasureAsync(int batchSize, int batches, bool plaintext)
    {
        var times = Stages.Select(_ => new List<double>()).ToArray();
        const int warmUp = 3;
        for (var b = 0; b < batches + warmUp; b++)
        {
            var body = RequestBodies.CreateUsersBatch(users.Make(batchSize, plaintext), keepPassword: !plaintext);
            var one = await OneBatchAsync(body);
            if (b >= warmUp)
            {
                // The first batches warm up (JIT) this process's code paths and are not counted.
                for (var s = 0; s < one.Length; s++)
                {
                    times[s].Add(one[s]);
                }
            }
        }

        return times.Select(Stats.Median).ToArray();
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
            var failures = _validator.Validate(items[i]).Errors;
            drafts.Add(builder.Build(i, items[i], command.Options, isValid: failures.Count == 0));
        }

        var passwords = new PasswordStep(_hashing, _transport, now);
        passwords.Prepare(drafts, errors);
        DuplicateDetector.Check(drafts, errors);
        t[1] = Lap();
        await using var connection = await dataSource.OpenConnectionAsync();
        t[2] = Lap();
        var found = await BatchLookups.RunAsync(connection, poolId, drafts, conflicts: true, CancellationToken.None);
        ReferenceCheck.Apply(drafts, found, errors);
        CustomDataCheck.Apply(drafts, found.CustomFields, errors);
        ConflictCheck.Apply(found.Holders, errors);
        if (errors.Any)
        {
            throw errors.ToException();
        }

        t[3] = Lap();
        await passwords.HashAsync(drafts, CancellationToken.None);
        t[4] = Lap();
        await using var transaction = await connection.BeginTransactionAsync();
        await AccountCopy.AccountsAsync(connection, drafts.Select(d => d.Account), CancellationToken.None);
        t[5] = Lap();
        await AccountCopy.IdentitiesAsync(connection, drafts.SelectMany(d => d.Identities), CancellationToken.None);
        t[6] = Lap();
        await AccountCopy.LinksAsync(connection, "account_departments", "department_id",
            drafts.SelectMany(d => d.DepartmentIds.Select(id => (d.Account.UserPoolId, d.Account.Id, id, d.Account.CreatedAt))), CancellationToken.None);
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
