using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Accounts;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Users;

namespace UserPool.Api.Tests.PublicAccounts;

[Collection(AccountsCollection.Name)]
public sealed class UpdatePublicAccountTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UpdatePublicAccount_ChangesItsFields_AndAnswersAPublicAccount()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreatePublicAccountsAsync(client, new { username = "shared", name = "before" }))[0];

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-public-account", new { userId = id, name = "after", email = "desk@example.com" });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal("after", (string)envelope["data"]!["name"]!);
        Assert.False(envelope["data"]!.AsObject().ContainsKey("identities"));
        await using var db = api.CreateDbContext();
        var stored = await db.Accounts.SingleAsync();
        Assert.Equal("desk@example.com", stored.EmailKey);
        Assert.Equal(UserPool.Api.Data.Entities.AccountKind.PublicAccount, stored.Kind);
    }

    [Fact]
    public async Task UpdatePublicAccount_NamingAUser_IsNotFound_AndMetadataIsRefused()
    {
        using var client = api.CreateSignedClient();
        var user = (await UpdateCalls.CreateUsersAsync(client, new { username = "u", name = "kept" }))[0];
        var account = (await UpdateCalls.CreatePublicAccountsAsync(client, new { username = "pa" }))[0];

        var notFound = await client.PostEnvelopeAsync("/api/v3/update-public-account", new { userId = user, name = "changed" });
        var metadata = await client.PostEnvelopeAsync("/api/v3/update-public-account", new { userId = account, metadata = new { a = 1 } });

        Assert.Equal(404, (int)notFound["statusCode"]!);
        Assert.Equal(400, (int)metadata["statusCode"]!);
        Assert.Equal("metadata", (string)UpdateCalls.SingleError(metadata)["field"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal("kept", (await db.Accounts.SingleAsync(a => a.Id == user)).Name);
    }

    [Fact]
    public async Task UpdatePublicAccountBatch_TakingAUsersUsername_IsRefusedNamingTheUser()
    {
        using var client = api.CreateSignedClient();
        var user = (await UpdateCalls.CreateUsersAsync(client, new { username = "taken" }))[0];
        var accounts = await UpdateCalls.CreatePublicAccountsAsync(client, new { username = "p1" }, new { username = "p2" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-public-account-batch",
            new { list = new[] { new { userId = accounts[0], username = "p1-renamed" }, new { userId = accounts[1], username = "TAKEN" } } });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal(2034, (int)envelope["apiCode"]!);
        var error = UpdateCalls.SingleError(envelope);
        Assert.Equal("list[1].username", (string)error["field"]!);
        Assert.Equal(user, (string)error["conflict"]!["accountId"]!);
        Assert.Equal("user", (string)error["conflict"]!["accountKind"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal("p1", (await db.Accounts.SingleAsync(a => a.Id == accounts[0])).Username);
    }

    [Fact]
    public async Task UpdatePublicAccountBatch_DryRun_WritesNothing()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreatePublicAccountsAsync(client, new { username = "dry", city = "before" }))[0];

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-public-account-batch",
            new { list = new[] { new { userId = id, city = "after" } }, options = new { dryRun = true } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal("after", (string)envelope["data"]![0]!["city"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal("before", (await db.Accounts.SingleAsync()).City);
    }
}
