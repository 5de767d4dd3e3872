using UserPool.Api.Tests.Accounts;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Users;
using static UserPool.Api.Tests.Users.DeleteCalls;

namespace UserPool.Api.Tests.PublicAccounts;

[Collection(AccountsCollection.Name)]
public sealed class DeletePublicAccountsBatchTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private readonly SignedClient _client = api.CreateSignedClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DeletePublicAccountsBatch_RemovesThePublicAccountsWithTheirLinks_AndLeavesUsers()
    {
        var departments = await Seed.DepartmentsAsync(api, 1);
        var sample = SampleUsers.Full();
        sample["departmentIds"] = new[] { departments[0].Id };
        var accounts = await AccountSeed.CreatePublicAccountsAsync(_client, sample, SampleUsers.Full());
        var user = await AccountSeed.CreateUserAsync(_client);

        var envelope = await _client.DeleteAsync(PublicAccountsPath, accounts.Select(Id).ToArray());

        AssertDeleted(envelope);
        Assert.Equal([Id(user)], await api.StoredIdsAsync());
        Assert.Equal(0, await api.DependentRowsAsync([.. accounts.Select(Id)]));
        var again = await AccountSeed.CreatePublicAccountsAsync(_client, sample);
        Assert.Equal(sample["email"], (string)again[0]["email"]!);
    }

    [Fact]
    public async Task DeletePublicAccountsBatch_NamingAUser_IsNotFound_AndDeletesNothing()
    {
        var account = (await AccountSeed.CreatePublicAccountsAsync(_client, SampleUsers.Full()))[0];
        var user = await AccountSeed.CreateUserAsync(_client);

        var envelope = await _client.DeleteAsync(PublicAccountsPath, new[] { Id(account), Id(user) });

        Assert.Equal(404, (int)envelope["statusCode"]!);
        Assert.Equal("userIds[1]: 公共账号不存在", (string)envelope["message"]!);
        Assert.Equal([(1, "userIds[1]", "not_found")], Errors(envelope));
        Assert.Equal(2, (await api.StoredIdsAsync()).Length);
    }

    [Fact]
    public async Task DeleteUsersBatch_NamingAPublicAccountByEmail_IsNotFound()
    {
        var sample = SampleUsers.Full();
        await AccountSeed.CreatePublicAccountsAsync(_client, sample);

        var envelope = await _client.DeleteAsync(UsersPath, new[] { sample["email"] }, new { userIdType = "email" });

        Assert.Equal(404, (int)envelope["statusCode"]!);
        Assert.Single(await api.StoredIdsAsync());
    }

    [Fact]
    public async Task DeletePublicAccountsBatch_ByUsername_WithDryRunThenForReal()
    {
        var samples = new[] { SampleUsers.Full(), SampleUsers.Full() };
        await AccountSeed.CreatePublicAccountsAsync(_client, samples);
        var usernames = samples.Select(s => ((string)s["username"]!).ToUpperInvariant()).ToArray();

        var dryRun = await _client.DeleteAsync(PublicAccountsPath, usernames, new { userIdType = "username", dryRun = true });
        var afterDryRun = (await api.StoredIdsAsync()).Length;
        var deleted = await _client.DeleteAsync(PublicAccountsPath, usernames, new { userIdType = "username" });

        AssertDeleted(dryRun);
        Assert.Equal(2, afterDryRun);
        AssertDeleted(deleted);
        Assert.Empty(await api.StoredIdsAsync());
    }

    [Fact]
    public async Task DeletePublicAccountsBatch_WithAnIdempotencyKey_ReplaysItsAnswer()
    {
        var account = (await AccountSeed.CreatePublicAccountsAsync(_client, SampleUsers.Full()))[0];
        var body = new { userIds = new[] { Id(account) } };

        var first = await _client.DeleteWithKeyAsync(PublicAccountsPath, body, "pa-1");
        var retry = await _client.DeleteWithKeyAsync(PublicAccountsPath, body, "pa-1");

        AssertDeleted(first.Envelope);
        Assert.True(retry.Replayed);
        AssertDeleted(retry.Envelope);
    }

    [Fact]
    public async Task DeletePublicAccountsBatch_WithAnEmptyList_IsTheSdksFormatError()
    {
        var envelope = await _client.DeleteAsync(PublicAccountsPath, Array.Empty<string>());

        AccountSeed.AssertFailure(envelope, 400, "参数 userIds 格式错误");
    }
}
