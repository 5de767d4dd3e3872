using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class CreateUsersBatchTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateUsersBatch_With50FullUsers_ReturnsEveryFieldInRequestOrderAndStoresThem()
    {
        using var client = api.CreateSignedClient();
        var list = Enumerable.Range(0, 50).Select(_ => SampleUsers.Full()).ToList();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        var users = envelope["data"]!.AsArray();
        Assert.Equal(50, users.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var user = users[i]!.AsObject();
            foreach (var (field, value) in list[i])
            {
                Assert.Equal(JsonValue.Create(value)!.ToJsonString(), user[field]!.ToJsonString());
            }

            Assert.Matches("^[0-9a-f]{24}$", (string)user["userId"]!);
            Assert.Equal("adminCreated", (string)user["userSourceType"]!);
            Assert.Equal(0, (int)user["loginsCount"]!);
            Assert.Null(user["lastLogin"]);
            Assert.True(user.ContainsKey("lastIp"));
        }

        await using var db = api.CreateDbContext();
        Assert.Equal(50, await db.Accounts.CountAsync());
    }
}
