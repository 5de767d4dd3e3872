using System.Text.Json.Nodes;
using UserPool.Api.Tests.Accounts;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Users;

[Collection(AccountReadsCollection.Name)]
public sealed class IsUserExistsTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private const string Path = "/api/v3/is-user-exists";
    private readonly SignedClient _client = api.CreateSignedClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    private async Task<bool> ExistsAsync(object body)
    {
        var envelope = await _client.PostEnvelopeAsync(Path, body);
        Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
        return (bool)envelope["data"]!["exists"]!;
    }

    [Fact]
    public async Task IsUserExists_ByEachField_MatchesAsGetUserDoes()
    {
        var sample = SampleUsers.Full();
        await AccountSeed.CreateUserAsync(_client, sample);

        Assert.True(await ExistsAsync(new { username = ((string)sample["username"]!).ToUpperInvariant() }));
        Assert.True(await ExistsAsync(new { email = ((string)sample["email"]!).ToUpperInvariant() }));
        Assert.True(await ExistsAsync(new { phone = sample["phone"] }));
        Assert.True(await ExistsAsync(new { phone = sample["phone"], phoneCountryCode = "+86" }));
        Assert.True(await ExistsAsync(new { externalId = sample["externalId"] }));
        Assert.False(await ExistsAsync(new { username = "nobody_" + SampleUsers.Token() }));
        Assert.False(await ExistsAsync(new { phone = sample["phone"], phoneCountryCode = "+1" }));
        Assert.False(await ExistsAsync(new { externalId = ((string)sample["externalId"]!).ToUpperInvariant() }));
    }

    [Fact]
    public async Task IsUserExists_WithSeveralFields_NeedsOneUserWithAllOfThem()
    {
        var first = SampleUsers.Full();
        var second = SampleUsers.Full();
        await AccountSeed.CreateUsersAsync(_client, first, second);

        Assert.True(await ExistsAsync(new { username = first["username"], email = first["email"], phone = first["phone"] }));
        Assert.False(await ExistsAsync(new { username = first["username"], email = second["email"] }));
    }

    [Fact]
    public async Task IsUserExists_ForAPublicAccountOrAnotherPoolsUser_IsFalse()
    {
        var account = SampleUsers.Full();
        await AccountSeed.CreatePublicAccountsAsync(_client, account);
        using var other = await api.CreateOtherPoolClientAsync();
        var theirs = SampleUsers.Full();
        await AccountSeed.CreateUserAsync(other.Client, theirs);

        Assert.False(await ExistsAsync(new { username = account["username"] }));
        Assert.False(await ExistsAsync(new { email = theirs["email"] }));
    }

    [Fact]
    public async Task IsUserExists_WithNothingToLookFor_IsTheSdksFormatError()
    {
        var empty = await _client.PostEnvelopeAsync(Path, new { });
        var blank = await _client.PostEnvelopeAsync(Path, new { username = "", email = "" });
        var noBody = await Envelopes.ReadAsync(await _client.PostRawAsync(Path, ""));

        AccountSeed.AssertFailure(empty, 400, "参数 username, email, phone, externalId 格式错误");
        AccountSeed.AssertFailure(blank, 400, "参数 username, email, phone, externalId 格式错误");
        AccountSeed.AssertFailure(noBody, 400, "参数 username, email, phone, externalId 格式错误");
    }

    [Fact]
    public async Task IsUserExists_WithMalformedOrUnknownFields_NamesEachOne()
    {
        var malformed = await _client.PostEnvelopeAsync(Path, new { email = "not an e-mail", phone = "call me" });
        var countryCodeAlone = await _client.PostEnvelopeAsync(Path, new { phoneCountryCode = "+86" });
        var unknown = await Envelopes.ReadAsync(await _client.PostRawAsync(Path, new JsonObject { ["userName"] = "bob" }.ToJsonString()));

        Assert.Equal(400, (int)malformed["statusCode"]!);
        Assert.Equal(["email", "phone"], malformed["errors"]!.AsArray().Select(e => (string)e!["field"]!));
        AccountSeed.AssertFailure(countryCodeAlone, 400, "phone cannot be empty");
        Assert.Equal(400, (int)unknown["statusCode"]!);
        Assert.Contains("userName", (string)unknown["message"]!);
    }
}
