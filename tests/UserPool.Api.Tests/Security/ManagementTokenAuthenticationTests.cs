using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Security;

/// <summary>
/// Requests carrying a management token, with the exact headers of the Python, Go and Java SDKs; and every way
/// a token or its pool header can be wrong.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class ManagementTokenAuthenticationTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(TokenSdk.Python)]
    [InlineData(TokenSdk.Go)]
    [InlineData(TokenSdk.Java)]
    public async Task Each_SDK_writes_and_reads_with_its_token(TokenSdk sdk)
    {
        using var client = await api.LoggedInTokenClientAsync(sdk);

        Envelopes.AssertSuccess(await client.SendAsync(HttpMethod.Post, CustomFieldCalls.SetPath, CustomFieldCalls.SetBody("school", "学校")));
        var read = await client.SendAsync(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER");

        Envelopes.AssertSuccess(read);
        Assert.Equal(["school"], CustomFieldCalls.KeysIn(read));
        Assert.Equal("学校", Assert.Single(await api.StoredAsync()).Label);
    }

    [Fact]
    public async Task The_Java_signature_headers_are_ignored_on_the_token_path()
    {
        // Java sends date (epoch ms) and a nonce but signs nothing: an old date or a repeated nonce must not matter.
        using var client = await api.LoggedInTokenClientAsync(TokenSdk.Java);
        for (var i = 0; i < 2; i++)
        {
            using var request = client.Build(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER");
            request.Headers.Remove("date");
            request.Headers.TryAddWithoutValidation("date", "1000");
            request.Headers.Remove("x-authing-signature-nonce");
            request.Headers.TryAddWithoutValidation("x-authing-signature-nonce", "samesamesamesame");

            Envelopes.AssertSuccess(await Envelopes.ReadAsync(await api.CreateClient().SendAsync(request)));
        }
    }

    [Theory]
    [InlineData("Bearer {0}")]
    [InlineData("bearer {0}")]
    [InlineData("Bearer  {0} ")]
    [InlineData("{0}")]
    public async Task The_token_is_accepted_with_or_without_the_Bearer_prefix(string authorization)
    {
        using var client = await api.LoggedInTokenClientAsync(TokenSdk.Python);
        using var request = client.Build(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER");
        request.Headers.Remove("authorization");
        request.Headers.TryAddWithoutValidation("Authorization", string.Format(System.Globalization.CultureInfo.InvariantCulture, authorization, client.Token));

        Envelopes.AssertSuccess(await Envelopes.ReadAsync(await api.CreateClient().SendAsync(request)));
    }

    [Theory]
    [InlineData(TokenSdk.Python)]
    [InlineData(TokenSdk.Java)]
    public async Task A_token_without_x_authing_userpool_id_is_refused_and_does_nothing(TokenSdk sdk)
    {
        using var client = await api.LoggedInTokenClientAsync(sdk);
        client.PoolId = null;

        Envelopes.AssertUnauthorized(await client.SendAsync(HttpMethod.Post, CustomFieldCalls.SetPath, CustomFieldCalls.SetBody("school")), apiCode: null);
        Assert.Empty(await api.StoredAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("6a0b1c2d3e4f5a6b7c8d9e0f")]
    [InlineData("{0},{0}")]
    public async Task A_token_with_a_pool_header_that_does_not_match_is_refused(string poolHeader)
    {
        using var client = await api.LoggedInTokenClientAsync(TokenSdk.Go);
        client.PoolId = string.Format(System.Globalization.CultureInfo.InvariantCulture, poolHeader, api.PoolId);

        Envelopes.AssertUnauthorized(await client.SendAsync(HttpMethod.Post, CustomFieldCalls.SetPath, CustomFieldCalls.SetBody("school")), apiCode: null);
        Assert.Empty(await api.StoredAsync());
    }

    [Fact]
    public async Task A_token_of_one_pool_with_the_pool_header_of_another_is_refused()
    {
        var other = await api.CreateOtherPoolAsync();
        using var client = await api.LoggedInTokenClientAsync(TokenSdk.Python);
        client.PoolId = other.UserPoolId;

        Envelopes.AssertUnauthorized(await client.SendAsync(HttpMethod.Post, CustomFieldCalls.SetPath, CustomFieldCalls.SetBody("school")), apiCode: null);
        Assert.Empty(await api.StoredAsync());
        Assert.Empty(await api.StoredAsync(other.UserPoolId));
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_is_refused()
    {
        var forged = ForeignTokens.Mint(ForeignTokens.KeyFor("not-the-secret", UserPoolApiFactory.AccessKeyId), api.PoolId);

        Envelopes.AssertUnauthorized(await SendWithTokenAsync(forged, api.PoolId), apiCode: null);
        Assert.Empty(await api.StoredAsync());
    }

    [Fact]
    public async Task A_token_signed_with_the_raw_access_key_secret_is_refused()
    {
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(UserPoolApiFactory.AccessKeySecret)) { KeyId = UserPoolApiFactory.AccessKeyId };

        Envelopes.AssertUnauthorized(await SendWithTokenAsync(ForeignTokens.Mint(key, api.PoolId), api.PoolId), apiCode: null);
    }

    [Fact]
    public async Task A_token_the_holder_of_one_pools_key_mints_for_another_pool_is_refused()
    {
        // The holder of pool B's secret knows everything needed to sign a token (the key derivation is no secret).
        // The token's pool claim must still be bound to the pool of the key that signed it.
        var attacker = await api.CreateOtherPoolAsync("attacker");
        var sanity = ForeignTokens.Mint(ForeignTokens.KeyFor(attacker.AccessKeySecret, attacker.AccessKeyId), attacker.UserPoolId);
        Envelopes.AssertSuccess(await SendWithTokenAsync(sanity, attacker.UserPoolId));

        var crossPool = ForeignTokens.Mint(ForeignTokens.KeyFor(attacker.AccessKeySecret, attacker.AccessKeyId), api.PoolId);

        Envelopes.AssertUnauthorized(await SendWithTokenAsync(crossPool, api.PoolId), apiCode: null);
        Assert.Empty(await api.StoredAsync());
    }

    [Fact]
    public async Task A_token_whose_payload_was_edited_is_refused()
    {
        var other = await api.CreateOtherPoolAsync();
        using var client = await api.LoggedInTokenClientAsync(TokenSdk.Python, other.AccessKeyId, other.AccessKeySecret);
        var parts = client.Token!.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(other.UserPoolId, api.PoolId);
        var edited = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        Envelopes.AssertUnauthorized(await SendWithTokenAsync(edited, api.PoolId), apiCode: null);
        Assert.Empty(await api.StoredAsync());
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        var header = Base64UrlEncoder.Encode($"{{\"alg\":\"none\",\"kid\":\"{UserPoolApiFactory.AccessKeyId}\",\"typ\":\"JWT\"}}");
        var payload = Base64UrlEncoder.Encode(
            $"{{\"iss\":\"userpool\",\"scoped_userpool_id\":\"{api.PoolId}\",\"exp\":{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}");

        Envelopes.AssertUnauthorized(await SendWithTokenAsync($"{header}.{payload}.", api.PoolId), apiCode: null);
    }

    [Fact]
    public async Task A_token_whose_kid_names_an_unknown_key_reads_like_a_forged_one()
    {
        var unknown = ForeignTokens.Mint(ForeignTokens.KeyFor(UserPoolApiFactory.AccessKeySecret, "no-such-key"), api.PoolId);
        var forged = ForeignTokens.Mint(ForeignTokens.KeyFor("not-the-secret", UserPoolApiFactory.AccessKeyId), api.PoolId);

        var answers = new[] { await SendWithTokenAsync(unknown, api.PoolId), await SendWithTokenAsync(forged, api.PoolId) };

        foreach (var answer in answers)
        {
            Envelopes.AssertUnauthorized(answer, apiCode: null);
            answer.Remove("requestId");
        }

        Assert.Equal(answers[0].ToJsonString(), answers[1].ToJsonString());
    }

    [Fact]
    public async Task A_signed_request_and_a_token_see_the_same_pool()
    {
        Envelopes.AssertSuccess(await Envelopes.ReadAsync(await api.SendSignedAsync(CustomFieldCalls.Set("from_node"))));
        using var client = await api.LoggedInTokenClientAsync(TokenSdk.Java);

        var read = await client.SendAsync(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER");

        Assert.Equal(["from_node"], CustomFieldCalls.KeysIn(read));
    }

    private async Task<JsonObject> SendWithTokenAsync(string token, string poolHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, CustomFieldCalls.SetPath)
        {
            Content = new StringContent(CustomFieldCalls.SetBody("school").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        request.Headers.TryAddWithoutValidation("x-authing-userpool-id", poolHeader);
        return await Envelopes.ReadAsync(await api.CreateClient().SendAsync(request));
    }
}
