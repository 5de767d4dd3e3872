using System.Text;
using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Security;

/// <summary>POST /api/v3/get-management-token as the Python, Go and Java SDKs call it and read its answer.</summary>
[Collection(SecurityCollection.Name)]
public sealed class ManagementTokenIssueTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static JsonObject Segment(string token, int index)
    {
        var segment = token.Split('.')[index].Replace('-', '+').Replace('_', '/');
        segment += new string('=', (4 - segment.Length % 4) % 4);
        return JsonNode.Parse(Convert.FromBase64String(segment))!.AsObject();
    }

    [Theory]
    [InlineData(TokenSdk.Python)]
    [InlineData(TokenSdk.Go)]
    [InlineData(TokenSdk.Java)]
    public async Task The_token_call_of_each_SDK_answers_an_access_token_and_an_integer_expires_in(TokenSdk sdk)
    {
        using var client = new TokenSdkClient(api.CreateClient(), sdk, UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);

        var envelope = await client.LoginAsync();

        Envelopes.AssertSuccess(envelope);
        var data = envelope["data"]!.AsObject();
        Assert.Equal(System.Text.Json.JsonValueKind.Number, data["expires_in"]!.GetValueKind());
        Assert.Equal("7200", data["expires_in"]!.ToJsonString());
        var token = (string)data["access_token"]!;
        Assert.Equal(3, token.Split('.').Length);
        Assert.Equal(api.PoolId, client.PoolId);
    }

    [Fact]
    public async Task The_token_is_a_JWT_with_a_standard_algorithm_scoped_userpool_id_and_an_expiry()
    {
        using var client = await api.LoggedInTokenClientAsync(TokenSdk.Python);

        var header = Segment(client.Token!, 0);
        var payload = Segment(client.Token!, 1);

        Assert.Equal("HS256", (string)header["alg"]!);
        Assert.Equal(api.PoolId, (string)payload["scoped_userpool_id"]!);
        Assert.Equal(7200, (long)payload["exp"]! - (long)payload["iat"]!);
        Assert.InRange((long)payload["exp"]!, DateTimeOffset.UtcNow.AddSeconds(7100).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddSeconds(7300).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Every_token_payload_decodes_with_standard_base64_as_the_Python_SDK_does()
    {
        // The payload varies (random jti, time), so look at many; each must hold no '-' or '_'.
        for (var i = 0; i < 40; i++)
        {
            using var client = await api.LoggedInTokenClientAsync(TokenSdk.Python);
            Assert.Equal(api.PoolId, TokenSdkClient.ReadScopedUserPoolIdLikePython(client.Token!));
        }
    }

    [Fact]
    public async Task A_token_for_a_second_pool_names_that_pool()
    {
        var other = await api.CreateOtherPoolAsync();

        using var client = await api.LoggedInTokenClientAsync(TokenSdk.Go, other.AccessKeyId, other.AccessKeySecret);

        Assert.Equal(other.UserPoolId, client.PoolId);
    }

    [Theory]
    [InlineData(TokenSdk.Python)]
    [InlineData(TokenSdk.Go)]
    [InlineData(TokenSdk.Java)]
    public async Task A_wrong_secret_is_a_401_envelope_over_HTTP_200(TokenSdk sdk)
    {
        using var client = new TokenSdkClient(api.CreateClient(), sdk, UserPoolApiFactory.AccessKeyId, "not-the-secret");

        var envelope = await client.LoginAsync();

        Envelopes.AssertUnauthorized(envelope, apiCode: null);
        Assert.Null(client.Token);
    }

    [Fact]
    public async Task An_unknown_access_key_reads_exactly_like_a_wrong_secret()
    {
        using var wrongSecret = new TokenSdkClient(api.CreateClient(), TokenSdk.Python, UserPoolApiFactory.AccessKeyId, "not-the-secret");
        using var unknownKey = new TokenSdkClient(api.CreateClient(), TokenSdk.Python, "no-such-key", UserPoolApiFactory.AccessKeySecret);

        var answers = new[] { await wrongSecret.LoginAsync(), await unknownKey.LoginAsync() };

        foreach (var answer in answers)
        {
            Envelopes.AssertUnauthorized(answer, apiCode: null);
            answer.Remove("requestId");
        }

        Assert.Equal(answers[0].ToJsonString(), answers[1].ToJsonString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"accessKeyId\":\"test-access-key\"}")]
    [InlineData("{\"accessKeySecret\":\"test-access-key-secret-0123456789\"}")]
    [InlineData("{\"accessKeyId\":\"test-access-key\",\"accessKeySecret\":\"\"}")]
    [InlineData("{\"accessKeyId\":\"\",\"accessKeySecret\":\"test-access-key-secret-0123456789\"}")]
    public async Task Missing_credentials_are_refused(string body)
    {
        using var http = api.CreateClient();

        var envelope = await Envelopes.ReadAsync(await http.PostAsync("/api/v3/get-management-token",
            new StringContent(body, Encoding.UTF8, "application/json")));

        Envelopes.AssertUnauthorized(envelope, apiCode: null);
    }

    [Fact]
    public async Task The_token_endpoint_needs_no_credentials_of_its_own_and_ignores_a_stale_Authorization_header()
    {
        using var http = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/get-management-token")
        {
            Content = new StringContent(
                $"{{\"accessKeyId\":\"{UserPoolApiFactory.AccessKeyId}\",\"accessKeySecret\":\"{UserPoolApiFactory.AccessKeySecret}\"}}",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer expired.or.garbage");

        Envelopes.AssertSuccess(await Envelopes.ReadAsync(await http.SendAsync(request)));
    }
}
