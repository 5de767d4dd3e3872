using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

/// <summary>Whatever a client sends to the read endpoints, the answer is a 4xx envelope, never a server error.</summary>
[Collection(AccountReadsCollection.Name)]
public sealed class AccountReadRobustnessTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        using var signed = api.CreateSignedClient();
        await AccountSeed.CreateUserAsync(signed);
        _client = await AccountSeed.CreateTokenClientAsync(api);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("""{"keywords":"a\u0000b"}""")]
    [InlineData("""{"keywords":"\ud800"}""")]
    [InlineData("""{"keywords":42}""")]
    [InlineData("""{"advancedFilter":[null]}""")]
    [InlineData("""{"advancedFilter":{"field":"email"}}""")]
    [InlineData("""{"advancedFilter":[{"operator":"EQUAL","value":"x"}]}""")]
    [InlineData("""{"advancedFilter":[{"field":"email","value":"x"}]}""")]
    [InlineData("""{"advancedFilter":[{"field":"email","operator":"EQUAL","value":"a\u0000"}]}""")]
    [InlineData("""{"advancedFilter":[{"field":"email","operator":"EQUAL"}]}""")]
    [InlineData("""{"advancedFilter":[{"field":"email","operator":"IN","value":[]}]}""")]
    [InlineData("""{"advancedFilter":[{"field":"email","operator":"IN","value":[["x"]]}]}""")]
    [InlineData("""{"advancedFilter":[{"field":"loginsCount","operator":"GREATER","value":1e400}]}""")]
    [InlineData("""{"advancedFilter":[{"field":"loginsCount","operator":"GREATER","value":1.5}]}""")]
    [InlineData("""{"advancedFilter":[{"field":"createdAt","operator":"BETWEEN","value":[1,2,3]}]}""")]
    [InlineData("""{"advancedFilter":[{"field":"createdAt","operator":"GREATER","value":99999999999999999}]}""")]
    [InlineData("""{"advancedFilter":[{"field":"department","operator":"EQUAL","value":{}}]}""")]
    [InlineData("""{"options":{"fuzzySearchOn":[null]},"keywords":"a"}""")]
    [InlineData("""{"options":{"sort":[null]}}""")]
    [InlineData("""{"options":{"sort":"username"}}""")]
    [InlineData("""{"options":{"withCustomData":"yes"}}""")]
    [InlineData("""{"options":{"pagination":{"page":"1e3"}}}""")]
    [InlineData("""{"options":"x"}""")]
    [InlineData("""[]""")]
    [InlineData("""{""")]
    public async Task ListUsers_WithMalformedInput_IsBadRequest(string body)
    {
        var envelope = await Envelopes.ReadAsync(await _client.PostAsync("/api/v3/list-users", new StringContent(body, System.Text.Encoding.UTF8, "application/json")));

        Assert.True((int)envelope["statusCode"]! == 400, envelope.ToJsonString());
    }

    [Theory]
    [InlineData("userId=a%00b")]
    [InlineData("userId=%ED%A0%80")]
    [InlineData("userId=a%00b&userIdType=email")]
    [InlineData("userId=%2B%2B1&userIdType=phone")]
    [InlineData("userId=:&userIdType=identity")]
    [InlineData("userId=x&userIdType=")]
    [InlineData("userId=a&userId=b")]
    [InlineData("userId=a&withCustomData=true&withCustomData=false")]
    public async Task GetUser_WithMalformedInput_IsAnEnvelopeNotAServerError(string query)
    {
        var envelope = await Envelopes.ReadAsync(await _client.GetAsync("/api/v3/get-user?" + query));

        Assert.InRange((int)envelope["statusCode"]!, 400, 404);
    }

    [Fact]
    public async Task Lookups_WithFiftyLongPhoneNumbers_StayFast()
    {
        var ids = string.Join("&", Enumerable.Range(0, 50).Select(i => "userIds%5B%5D=%2B" + new string((char)('0' + i % 10), 200)));

        var envelope = await Envelopes.ReadAsync(await _client.GetAsync($"/api/v3/get-public-account-batch?{ids}&userIdType=phone"));

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Empty(envelope["data"]!.AsArray());
    }
}
