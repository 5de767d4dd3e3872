using System.Text.Json.Nodes;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.Accounts.Updating;
using UserPool.Api.Data.Entities;
using UserPool.Api.Tests.Accounts;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Users;

/// <summary>
/// An update batch is written before its accounts are read when the write alone decides it (WriteFirst), and read
/// first otherwise (a swap the unique indexes refuse half-way, an id not there). Either way it answers the accounts as
/// stored: exactly what get-user answers afterwards.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class UpdateWriteFirstTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void WriteFirst_AppliesOnlyToBatchesTheWriteAloneDecides()
    {
        UpdateAccountItem Item(string id, string? password = null) => new() { UserId = id, Password = password };
        UpdateAccountsCommand Batch(UpdateAccountOptions? options, params UpdateAccountItem[] items) => new("pool", AccountKind.User, items, options);

        Assert.True(WriteFirst.Applies(Batch(null, Item("a"), Item("b")), [Item("a"), Item("b")], AccountIdType.UserId));
        Assert.True(WriteFirst.Applies(Batch(null), [Item("a"), Item("b", password: "")], AccountIdType.UserId));

        Assert.False(WriteFirst.Applies(Batch(null), [Item("a"), Item("a")], AccountIdType.UserId));
        Assert.False(WriteFirst.Applies(Batch(null), [Item("a"), Item("")], AccountIdType.UserId));
        Assert.False(WriteFirst.Applies(Batch(null), [Item("a", password: "Secret-123")], AccountIdType.UserId));
        Assert.False(WriteFirst.Applies(Batch(null), [Item("a@example.com")], AccountIdType.Email));
        Assert.False(WriteFirst.Applies(Batch(new UpdateAccountOptions { DryRun = true }), [Item("a")], AccountIdType.UserId));
        Assert.False(WriteFirst.Applies(Batch(new UpdateAccountOptions { AutoGeneratePassword = true }), [Item("a")], AccountIdType.UserId));
    }

    [Fact]
    public async Task UpdateUserBatch_WrittenFirst_AnswersWhatGetUserAnswers()
    {
        using var client = api.CreateSignedClient();
        var ids = await UpdateCalls.CreateUsersAsync(client,
            new { email = "first@example.com", customData = new { }, nickname = "keep" }, new { username = "second" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user-batch", new
        {
            list = new object[]
            {
                new { userId = ids[0], email = "First.Moved@Example.com", status = "Suspended" },
                new { userId = ids[1], name = "Two", metadata = new { source = "crm" } },
            },
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await AssertAnswersAsStoredAsync(client, envelope, ids);
        Assert.Equal("keep", (string)envelope["data"]![0]!["nickname"]!);
    }

    [Fact]
    public async Task UpdateUserBatch_ASwapRefusedByTheIndexesWhenWrittenFirst_IsReadFirst_AndAnswersWhatGetUserAnswers()
    {
        using var client = api.CreateSignedClient();
        var ids = await UpdateCalls.CreateUsersAsync(client, new { email = "a@example.com" }, new { email = "b@example.com" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user-batch", new
        {
            list = new[] { new { userId = ids[0], email = "b@example.com" }, new { userId = ids[1], email = "a@example.com" } },
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal(["b@example.com", "a@example.com"], envelope["data"]!.AsArray().Select(u => (string)u!["email"]!));
        await AssertAnswersAsStoredAsync(client, envelope, ids);
    }

    private static async Task AssertAnswersAsStoredAsync(SignedClient client, JsonObject envelope, string[] ids)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            var stored = AccountSeed.Data(await client.GetEnvelopeAsync($"/api/v3/get-user?userId={ids[i]}&withCustomData=true&withPost=true"));
            var answered = envelope["data"]![i]!.AsObject();
            Assert.True(JsonNode.DeepEquals(stored, answered), $"list[{i}]: answered {answered.ToJsonString()}, get-user {stored.ToJsonString()}");
        }
    }
}
