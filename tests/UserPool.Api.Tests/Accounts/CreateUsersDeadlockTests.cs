using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UserPool.Api.Accounts.Keys;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Notifications;

namespace UserPool.Api.Tests.Accounts;

/// <summary>
/// A real deadlock, forced step by step. The server writes a batch's accounts in the order of their e-mail keys
/// (AccountWriter), so batches sharing e-mails wait for each other instead of crossing; two transactions can still
/// cross on keys of different kinds. The batch is A then B (each with its own username); the test's own transaction
/// holds B's username uncommitted, the server inserts A and then waits for B's username, and the test then inserts
/// e-mail A, so each transaction waits for the other. PostgreSQL aborts the server's (its wait started first, and the
/// test's session waits longer before checking); the server runs its transaction again, which waits for e-mail A until
/// the test ends its transaction. Without the retry the client was answered 503.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class CreateUsersDeadlockTests(SlowDeadlockCheckApiFactory api) : IClassFixture<SlowDeadlockCheckApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateUsersBatch_WhenChosenAsDeadlockVictimAndTheOtherTransactionCommits_Answers409NamingTheHolders()
    {
        var (a, b) = Emails();
        var (answer, holders) = await RaceAgainstHolderAsync(a, b, commit: true);

        Assert.Equal(409, (int)answer["statusCode"]!);
        var errors = answer["errors"]!.AsArray();
        Assert.Equal(["list[0].email", "list[1].username"], errors.Select(e => (string)e!["field"]!).Order());
        Assert.Equal(holders["list[0].email"], (string)errors.Single(e => (string)e!["field"]! == "list[0].email")!["conflict"]!["accountId"]!);
        Assert.Equal(holders["list[1].username"], (string)errors.Single(e => (string)e!["field"]! == "list[1].username")!["conflict"]!["accountId"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(2, await db.Accounts.CountAsync());
    }

    [Fact]
    public async Task CreateUsersBatch_WhenChosenAsDeadlockVictimAndTheOtherTransactionRollsBack_CreatesTheBatchOnce()
    {
        var (a, b) = Emails();
        var (answer, _) = await RaceAgainstHolderAsync(a, b, commit: false);

        Assert.Equal(200, (int)answer["statusCode"]!);
        await using var db = api.CreateDbContext();
        var stored = await db.Accounts.OrderBy(x => x.Email).Select(x => x.Email).ToListAsync();
        Assert.Equal([a, b], stored);
        Assert.Equal(2, await db.NotificationOutbox.CountAsync()); // one welcome e-mail each, written once
        Assert.Equal(1, await db.IdempotencyKeys.CountAsync());
    }

    private static (string A, string B) Emails()
    {
        var token = SampleUsers.Token();
        return ($"a-{token}@example.com", $"b-{token}@example.com");
    }

    /// <summary>Drives the deadlock; returns the server's answer and the test's account id per key of the batch it holds.</summary>
    private async Task<(JsonObject Answer, Dictionary<string, string> Holders)> RaceAgainstHolderAsync(string a, string b, bool commit)
    {
        await using var holder = new NpgsqlConnection(api.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        // Superuser-only setting, local to this transaction: the server's session (which looks after 4 s, see the factory)
        // detects the cycle first and is the victim, as long as the test's second lock comes within those 4 s.
        await ExecuteAsync(holder, "SET LOCAL deadlock_timeout = '60s'");
        var retriesBefore = DeadlockRetries();
        var holders = new Dictionary<string, string> { ["list[1].username"] = await InsertAsync(holder, "holder-" + b, Item(b)["username"]!.ToString()) };

        using var client = api.CreateSignedClient();
        var batch = new[] { Item(a), Item(b) };
        var body = new { list = batch, options = new { sendNotification = new { sendEmailNotification = true } } };
        var signed = client.Sign(HttpMethod.Post, "/api/v3/create-users-batch", System.Text.Json.JsonSerializer.Serialize(body, Json.Options));
        signed.Headers.Add("Idempotency-Key", "deadlock-" + a);
        var request = SendAsync(client, signed);
        await WaitUntilServerWaitsAsync(holder, request);
        await AssertStillWaitingAsync(request, "for the test's username of B");

        // Blocks on the server's uncommitted e-mail A until PostgreSQL aborts the server's transaction.
        holders["list[0].email"] = await InsertAsync(holder, a);
        await WaitUntilServerWaitsAsync(holder, request); // the retry, now waiting for the test's e-mail A
        await AssertStillWaitingAsync(request, "for the test's e-mail A (its retry)");
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        var answer = await request;
        Assert.True(DeadlockRetries() > retriesBefore, "the server's transaction was never chosen as a deadlock victim, so nothing here tested the retry");
        return (answer, holders);
    }

    private int DeadlockRetries() => api.Logs.Lines.Count(line => line.Contains("Deadlock victim, running the transaction again", StringComparison.Ordinal));

    private static async Task<JsonObject> SendAsync(SignedClient client, HttpRequestMessage request) =>
        await Envelopes.ReadAsync(await client.Http.SendAsync(request));

    private static Dictionary<string, object?> Item(string email) =>
        new() { ["email"] = email, ["username"] = email.Split('@')[0] };

    private async Task<string> InsertAsync(NpgsqlConnection connection, string email, string? username = null)
    {
        var id = ObjectIds.New();
        await using var command = new NpgsqlCommand("""
            INSERT INTO accounts (user_pool_id, id, kind, status, work_status, email, username, email_key, username_key,
                                  keys_version, gender, user_source_type, email_verified, phone_verified,
                                  reset_password_on_next_login, logins_count, register_source, post_ids,
                                  status_changed_at, created_at, updated_at)
            VALUES ($1, $2, 1, 'Activated', 'Active', $3, $4, $5, $6, $7, 'U', 'manual', false, false, false, 0, '{}', '{}',
                    now(), now(), now())
            """, connection);
        // The unique indexes compare the keys the application writes, so the holder's row carries them as the server's would.
        username ??= "holder-" + email.Split('@')[0];
        foreach (var value in new object[]
                 {
                     api.PoolId, id, email, username, KeyNormalizer.EmailKeyOrNull(email)!, KeyNormalizer.UsernameKeyOrNull(username)!,
                     KeyNormalizer.Version,
                 })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>
    /// Waits until a session is blocked by the test's own transaction: only the server's batch can be (pg_locks is
    /// cluster-wide, and other suites' waits in other databases must not count). Returns early when the server
    /// already answered, so the answer is reported by <see cref="AssertStillWaitingAsync"/>, not by a timeout.
    /// </summary>
    private async Task WaitUntilServerWaitsAsync(NpgsqlConnection holder, Task request) =>
        await Eventually.UntilAsync(async () =>
        {
            if (request.IsCompleted)
            {
                return true;
            }

            await using var observer = new NpgsqlConnection(api.ConnectionString);
            await observer.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", observer);
            command.Parameters.Add(new NpgsqlParameter { Value = holder.ProcessID });
            return (long)(await command.ExecuteScalarAsync())! > 0;
        }, "the server's batch to wait for a key the test holds");

    /// <summary>The race is only forced if the server is still waiting; an early answer is shown, not hidden.</summary>
    private static async Task AssertStillWaitingAsync(Task<JsonObject> request, string what)
    {
        if (request.IsCompleted)
        {
            Assert.Fail($"The server answered before it waited {what}: {(await request).ToJsonString()}");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
