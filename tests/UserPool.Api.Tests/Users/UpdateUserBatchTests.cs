using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Accounts;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Users;

[Collection(AccountsCollection.Name)]
public sealed class UpdateUserBatchTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UpdateUserBatch_ChangesEveryItem()
    {
        using var client = api.CreateSignedClient();
        var ids = await UpdateCalls.CreateUsersAsync(client, new { username = "b1" }, new { username = "b2" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user-batch",
            new { list = new[] { new { userId = ids[0], name = "One" }, new { userId = ids[1], name = "Two" } } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal(["One", "Two"], envelope["data"]!.AsArray().Select(u => (string)u!["name"]!));
        await using var db = api.CreateDbContext();
        Assert.Equal(["One", "Two"], await db.Accounts.OrderBy(a => a.Username).Select(a => a.Name).ToListAsync());
    }

    [Fact]
    public async Task UpdateUserBatch_ReportsEveryFailingItemAtOnce_AndChangesNothing()
    {
        using var client = api.CreateSignedClient();
        var ids = await UpdateCalls.CreateUsersAsync(client, new { username = "k1", name = "kept" }, new { username = "k2" }, new { email = "held@example.com" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user-batch", new
        {
            list = new object[]
            {
                new { userId = ids[0], name = "changed" },
                new { userId = ids[1], email = "bad" },
                new { userId = "000000000000000000000000", name = "ghost" },
                new { userId = ids[1], email = "held@example.com" },
            },
        });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var fields = envelope["errors"]!.AsArray().Select(e => ((int)e!["index"]!, (string)e["field"]!, (string)e["code"]!)).ToList();
        Assert.Contains((1, "list[1].email", "invalid_format"), fields);
        Assert.Contains((2, "list[2].userId", "not_found"), fields);
        Assert.Contains((3, "list[3].userId", "duplicate_in_batch"), fields);
        await using var db = api.CreateDbContext();
        Assert.Equal("kept", (await db.Accounts.SingleAsync(a => a.Id == ids[0])).Name);
    }

    [Fact]
    public async Task UpdateUserBatch_TwoItemsTakingOneEmail_RefusesTheSecondNamingTheFirst()
    {
        using var client = api.CreateSignedClient();
        var ids = await UpdateCalls.CreateUsersAsync(client, new { username = "d1" }, new { username = "d2" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user-batch",
            new { list = new[] { new { userId = ids[0], email = "same@example.com" }, new { userId = ids[1], email = "SAME@example.com" } } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var error = UpdateCalls.SingleError(envelope);
        Assert.Equal("list[1].email", (string)error["field"]!);
        Assert.Equal(0, (int)error["conflict"]!["index"]!);
    }

    [Fact]
    public async Task UpdateUserBatch_SwappingTwoEmailsAndUsernames_Works()
    {
        using var client = api.CreateSignedClient();
        var ids = await UpdateCalls.CreateUsersAsync(client, new { email = "a@example.com", username = "a" }, new { email = "b@example.com", username = "b" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user-batch", new
        {
            list = new[] { new { userId = ids[0], email = "b@example.com", username = "b" }, new { userId = ids[1], email = "a@example.com", username = "a" } },
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal("b@example.com", (await db.Accounts.SingleAsync(a => a.Id == ids[0])).EmailKey);
        Assert.Equal("a", (await db.Accounts.SingleAsync(a => a.Id == ids[1])).UsernameKey);
    }

    /// <summary>Keys are cleared first only for accounts that give one to another item: a chain must work as a swap does.</summary>
    [Fact]
    public async Task UpdateUserBatch_TakingTheKeyAnotherItemMovesAway_Works()
    {
        using var client = api.CreateSignedClient();
        var ids = await UpdateCalls.CreateUsersAsync(client, new { email = "a@example.com" }, new { email = "b@example.com" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user-batch", new
        {
            // The first item takes b@ before the second gives it up, in the batch's order.
            list = new[] { new { userId = ids[0], email = "B@example.com" }, new { userId = ids[1], email = "c@example.com" } },
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal("b@example.com", (await db.Accounts.SingleAsync(a => a.Id == ids[0])).EmailKey);
        Assert.Equal("c@example.com", (await db.Accounts.SingleAsync(a => a.Id == ids[1])).EmailKey);
    }

    /// <summary>A batch member that keeps its key still holds it: written first, the unique index refuses, and the answer names it.</summary>
    [Fact]
    public async Task UpdateUserBatch_TakingTheKeyOfABatchMemberThatKeepsIt_IsRefusedNamingIt_AndChangesNothing()
    {
        using var client = api.CreateSignedClient();
        var ids = await UpdateCalls.CreateUsersAsync(client, new { email = "a@example.com" }, new { email = "b@example.com" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user-batch", new
        {
            list = new object[] { new { userId = ids[0], email = "b@example.com" }, new { userId = ids[1], nickname = "keeps b" } },
        });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        var error = UpdateCalls.SingleError(envelope);
        Assert.Equal("list[0].email", (string)error["field"]!);
        Assert.Equal(ids[1], (string)error["conflict"]!["accountId"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal("a@example.com", (await db.Accounts.SingleAsync(a => a.Id == ids[0])).EmailKey);
        Assert.Null((await db.Accounts.SingleAsync(a => a.Id == ids[1])).Nickname);
    }

    [Fact]
    public async Task UpdateUserBatch_TakingAKeyFromAnAccountOutsideTheBatch_IsRefusedNamingIt()
    {
        using var client = api.CreateSignedClient();
        var ids = await UpdateCalls.CreateUsersAsync(client, new { email = "a@example.com" }, new { email = "b@example.com" }, new { email = "c@example.com" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user-batch", new
        {
            list = new[] { new { userId = ids[0], email = "b@example.com" }, new { userId = ids[1], email = "c@example.com" } },
        });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        var error = UpdateCalls.SingleError(envelope);
        Assert.Equal("list[1].email", (string)error["field"]!);
        Assert.Equal(ids[2], (string)error["conflict"]!["accountId"]!);
    }

    [Fact]
    public async Task UpdateUserBatch_WithTooManyItemsOrUserIdType_IsRefused()
    {
        using var client = api.CreateSignedClient();

        var tooMany = await client.PostEnvelopeAsync("/api/v3/update-user-batch",
            new { list = Enumerable.Range(0, 51).Select(i => new { userId = $"id{i}" }) });
        var idType = await client.PostEnvelopeAsync("/api/v3/update-user-batch",
            new { list = new[] { new { userId = "x" } }, options = new { userIdType = "email" } });
        var empty = await client.PostEnvelopeAsync("/api/v3/update-user-batch", new { list = Array.Empty<object>() });

        Assert.Equal(400, (int)tooMany["statusCode"]!);
        Assert.Equal(400, (int)idType["statusCode"]!);
        Assert.Equal("options.userIdType", (string)UpdateCalls.SingleError(idType)["field"]!);
        Assert.Equal(400, (int)empty["statusCode"]!);
    }

    [Fact]
    public async Task UpdateUserBatch_WithAnIdempotencyKey_AnswersTheRetryWithTheFirstAnswer()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "idem" }))[0];
        var body = System.Text.Json.JsonSerializer.Serialize(new { list = new[] { new { userId = id, name = "first" } } }, Json.Options);

        var first = await SendAsync(client, body, "update-key");
        await using (var db = api.CreateDbContext())
        {
            await db.Accounts.ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "changed since"));
        }

        var retried = await SendAsync(client, body, "update-key");

        Assert.Equal(first.ToJsonString(), retried.ToJsonString());
        await using var after = api.CreateDbContext();
        Assert.Equal("changed since", (await after.Accounts.SingleAsync()).Name);
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> SendAsync(SignedClient client, string body, string key)
    {
        var request = client.Sign(HttpMethod.Post, "/api/v3/update-user-batch", body);
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.Http.SendAsync(request);
        return await Envelopes.ReadAsync(response);
    }
}
