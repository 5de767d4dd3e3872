using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Data.Entities;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts.Pipeline;

/// <summary>
/// An account written by create-users-batch (binary COPY, by position) reads back with every field where it was sent:
/// from its own column in the database and from get-user. The sample holds a distinct value in every field, so a
/// value written under a neighbour's column cannot pass unseen.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class AccountRoundTripTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void SampleUser_HoldsADistinctValueInEveryField()
    {
        var values = SampleUsers.Full().Where(p => p.Value is string).Select(p => (string)p.Value!).ToList();
        var booleans = SampleUsers.Full().Where(p => p.Value is bool).Select(p => (bool)p.Value!).ToList();

        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.Equal(booleans.Count, booleans.Distinct().Count());
    }

    /// <summary>
    /// Both ways accounts are written: in the batch of statements (up to AccountWriter.InsertedUpTo a batch) and by COPY
    /// above it (a server whose Accounts:MaxBatchSize allows such batches; the sample travels with fillers).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(AccountWriter.InsertedUpTo + 1)]
    public async Task CreateUsersBatch_StoresEveryFieldInItsOwnColumn_AndGetUserAnswersItAsSent(int batchSize)
    {
        await using var server = api.WithWebHostBuilder(b => b.UseSetting("Accounts:MaxBatchSize", "500"));
        using var client = new SignedClient(server.CreateClient(), UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);
        var sample = SampleUsers.Full();
        var tag = SampleUsers.Token();
        var identity = new JsonObject
        {
            ["extIdpId"] = $"idp-{tag}", ["provider"] = "github", ["type"] = "primary", ["userIdInIdp"] = $"gh-{tag}",
            ["userInfoInIdp"] = new JsonObject { ["login"] = $"octo-{tag}" }, ["originConnIds"] = new JsonArray($"conn-{tag}"),
        };
        sample["identities"] = new JsonArray(identity);

        var fillers = Enumerable.Range(1, batchSize - 1).Select(i => new Dictionary<string, object?> { ["username"] = $"filler-{i}-{tag}" });
        var created = (await AccountSeed.CreateUsersAsync(client, [sample, .. fillers]))[0];
        var userId = (string)created["userId"]!;

        await using (var db = api.CreateDbContext())
        {
            var stored = await db.Accounts.SingleAsync(a => a.Id == userId);
            foreach (var (field, sent) in sample.Where(p => p.Key != "identities"))
            {
                var property = typeof(Account).GetProperty(char.ToUpperInvariant(field[0]) + field[1..])!;
                Assert.True(Equals(sent, property.GetValue(stored)), $"{field}: sent {sent}, stored {property.GetValue(stored)}");
            }

            var storedIdentity = await db.Identities.SingleAsync(i => i.AccountId == userId);
            Assert.Equal(
                ((string)identity["extIdpId"]!, (string)identity["provider"]!, (string)identity["type"]!, (string)identity["userIdInIdp"]!),
                (storedIdentity.ExtIdpId, storedIdentity.Provider, storedIdentity.Type, storedIdentity.UserIdInIdp));
            Assert.True(JsonNode.DeepEquals(identity["userInfoInIdp"], JsonNode.Parse(storedIdentity.UserInfoInIdp!)));
            Assert.Equal([$"conn-{tag}"], storedIdentity.OriginConnIds);
        }

        var user = AccountSeed.Data(await client.GetEnvelopeAsync($"/api/v3/get-user?userId={userId}&withIdentities=true"));
        foreach (var (field, sent) in sample.Where(p => p.Key != "identities"))
        {
            var expected = JsonSerializer.SerializeToNode(sent);
            Assert.True(JsonNode.DeepEquals(expected, user[field]), $"{field}: sent {expected?.ToJsonString()}, get-user answered {user[field]?.ToJsonString()}");
        }

        var answered = user["identities"]![0]!.AsObject();
        foreach (var (field, sent) in identity)
        {
            Assert.True(JsonNode.DeepEquals(sent, answered[field]), $"identities[0].{field}: sent {sent?.ToJsonString()}, answered {answered[field]?.ToJsonString()}");
        }
    }

    /// <summary>
    /// Identities are written as one INSERT whose text[] column travels as array literals: every text that could break
    /// a literal (quotes, backslashes, commas, braces, the word NULL, a spaced text) reads back as sent.
    /// </summary>
    [Fact]
    public async Task OriginConnIds_ThatLookLikeArraySyntax_AreStoredAndAnsweredAsSent()
    {
        using var client = api.CreateSignedClient();
        string[] awkward = ["a\"b", "c\\d", "e,f", "{g}", "NULL", " h ", "中文", "\\\""];
        var identity = new JsonObject
        {
            ["extIdpId"] = "idp-awkward", ["provider"] = "github", ["type"] = "primary", ["userIdInIdp"] = $"gh-{SampleUsers.Token()}",
            ["originConnIds"] = new JsonArray(awkward.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
        };
        var user = new Dictionary<string, object?> { ["username"] = $"awkward-{SampleUsers.Token()}", ["identities"] = new JsonArray(identity) };

        var userId = (string)(await AccountSeed.CreateUsersAsync(client, user))[0]["userId"]!;

        await using (var db = api.CreateDbContext())
        {
            Assert.Equal(awkward, (await db.Identities.SingleAsync(i => i.AccountId == userId)).OriginConnIds);
        }

        var answered = AccountSeed.Data(await client.GetEnvelopeAsync($"/api/v3/get-user?userId={userId}&withIdentities=true"));
        Assert.Equal(awkward, answered["identities"]![0]!["originConnIds"]!.AsArray().Select(n => (string)n!));
    }
}
