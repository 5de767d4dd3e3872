using System.Text;
using System.Text.Json.Nodes;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Security;

/// <summary>
/// Any change to what the signature covers, or a wrong or unknown key, is refused with 401 and apiCode 1300,
/// and nothing is done. Unknown keys and wrong secrets read the same, so a key's existence is not revealed.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SignedRequestTamperingTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private const int InvalidSignature = 1300;

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpRequestMessage SignedByTheTestKey(NodeSdkRequest request) =>
        request.Sign(UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);

    private async Task<JsonObject> SendAsync(HttpRequestMessage message)
    {
        using var http = api.CreateClient();
        return await Envelopes.ReadAsync(await http.SendAsync(message));
    }

    [Fact]
    public async Task A_body_value_changed_after_signing_is_refused_and_nothing_is_written()
    {
        var request = CustomFieldCalls.Set("school", "original label");
        using var message = SignedByTheTestKey(request);
        message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.WireBody!.Replace("original label", "forged label")));
        message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        Envelopes.AssertUnauthorized(await SendAsync(message), InvalidSignature);
        Assert.Empty(await api.StoredAsync());
    }

    [Fact]
    public async Task A_body_key_added_after_signing_is_refused()
    {
        var request = CustomFieldCalls.Set("school");
        using var message = SignedByTheTestKey(request);
        message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.WireBody!.TrimEnd('}') + ",\"tenantId\":\"t1\"}"));
        message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        Envelopes.AssertUnauthorized(await SendAsync(message), InvalidSignature);
        Assert.Empty(await api.StoredAsync());
    }

    [Theory]
    [InlineData("x-authing-lang", "en-US")]
    [InlineData("x-authing-sdk-version", "authing-node-sdk:4.0.2")]
    [InlineData("x-authing-signature-nonce", "00000000000000000000000000000000")]
    public async Task A_signed_header_changed_after_signing_is_refused(string header, string newValue)
    {
        using var message = SignedByTheTestKey(CustomFieldCalls.Set("school"));
        message.Headers.Remove(header);
        message.Headers.TryAddWithoutValidation(header, newValue);

        Envelopes.AssertUnauthorized(await SendAsync(message), InvalidSignature);
        Assert.Empty(await api.StoredAsync());
    }

    [Fact]
    public async Task The_date_changed_after_signing_is_refused_even_inside_the_window()
    {
        using var message = SignedByTheTestKey(CustomFieldCalls.Set("school"));
        message.Headers.Remove("date");
        message.Headers.TryAddWithoutValidation("date", DateTimeOffset.UtcNow.AddMinutes(1).ToString("r"));

        Envelopes.AssertUnauthorized(await SendAsync(message), InvalidSignature);
    }

    [Theory]
    [InlineData("x-authing-app-id")]
    [InlineData("x-authing-userpool-id")]
    public async Task An_x_authing_header_added_after_signing_is_refused(string header)
    {
        using var message = SignedByTheTestKey(CustomFieldCalls.Set("school"));
        message.Headers.TryAddWithoutValidation(header, "added-later");

        Envelopes.AssertUnauthorized(await SendAsync(message), InvalidSignature);
    }

    [Fact]
    public async Task An_unsigned_header_changed_after_signing_does_not_matter()
    {
        // Content-Type, Accept and User-Agent are not signed (docs/contract.md §2a); changing them keeps the request valid.
        using var message = SignedByTheTestKey(CustomFieldCalls.Set("school"));
        message.Headers.Remove("User-Agent");
        message.Headers.TryAddWithoutValidation("User-Agent", "something else");

        Envelopes.AssertSuccess(await SendAsync(message));
    }

    [Fact]
    public async Task A_request_signed_as_POST_and_sent_as_GET_is_refused()
    {
        // POST {"targetType":"USER"} to get-custom-fields signs the same resource as GET ?targetType=USER: only the method differs.
        var get = CustomFieldCalls.GetUserFields();
        var post = NodeSdkRequest.Post(CustomFieldCalls.GetPath, new JsonObject { ["targetType"] = "USER" });
        foreach (var (name, value) in get.Headers)
        {
            post.Headers[name] = value;
        }

        Assert.Equal(post.StringToSign(), get.StringToSign("POST"));
        using var message = get.Sign(UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret, stringToSignOverride: get.StringToSign("POST"));

        Envelopes.AssertUnauthorized(await SendAsync(message), InvalidSignature);
    }

    [Theory]
    [InlineData("/api/v3/set-custom-fields")]
    [InlineData("/api/v3/GET-CUSTOM-FIELDS")]
    [InlineData("/api/v3/get-custom-fields/")]
    public async Task A_request_signed_for_another_path_is_refused(string signedPath)
    {
        var request = CustomFieldCalls.GetUserFields();
        using var message = request.Sign(UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret,
            stringToSignOverride: request.StringToSign(path: signedPath));

        Envelopes.AssertUnauthorized(await SendAsync(message), InvalidSignature);
    }

    [Fact]
    public async Task A_request_sent_to_another_spelling_of_the_path_is_refused()
    {
        // Routing ignores case, so this reaches the same endpoint; the signed path does not match.
        using var message = SignedByTheTestKey(CustomFieldCalls.GetUserFields());
        message.RequestUri = new Uri("/api/v3/Get-Custom-Fields?targetType=USER", UriKind.Relative);

        Envelopes.AssertUnauthorized(await SendAsync(message), InvalidSignature);
    }

    [Theory]
    [InlineData("?targetType=ROLE")]
    [InlineData("?targetType=USER&tenantId=t1")]
    [InlineData("")]
    public async Task A_query_changed_after_signing_is_refused(string newQuery)
    {
        using var message = SignedByTheTestKey(CustomFieldCalls.GetUserFields());
        message.RequestUri = new Uri(CustomFieldCalls.GetPath + newQuery, UriKind.Relative);

        Envelopes.AssertUnauthorized(await SendAsync(message), InvalidSignature);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_and_nothing_is_written()
    {
        using var message = CustomFieldCalls.Set("school").Sign(UserPoolApiFactory.AccessKeyId, "not-the-secret");

        Envelopes.AssertUnauthorized(await SendAsync(message), InvalidSignature);
        Assert.Empty(await api.StoredAsync());
    }

    [Fact]
    public async Task An_unknown_access_key_gets_exactly_the_answer_of_a_wrong_secret()
    {
        using var wrongSecret = CustomFieldCalls.GetUserFields().Sign(UserPoolApiFactory.AccessKeyId, "not-the-secret");
        using var unknownKey = CustomFieldCalls.GetUserFields().Sign("no-such-key-6a0b1c2d3e4f", UserPoolApiFactory.AccessKeySecret);
        using var unknownKeyRightShape = CustomFieldCalls.GetUserFields().Sign("6a0b1c2d3e4f5a6b7c8d9e0f", "whatever");

        var answers = new[] { await SendAsync(wrongSecret), await SendAsync(unknownKey), await SendAsync(unknownKeyRightShape) };

        foreach (var answer in answers)
        {
            Envelopes.AssertUnauthorized(answer, InvalidSignature);
            answer.Remove("requestId");
        }

        Assert.Equal(answers[0].ToJsonString(), answers[1].ToJsonString());
        Assert.Equal(answers[0].ToJsonString(), answers[2].ToJsonString());
        Assert.DoesNotContain("key", answers[0].Message(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("authing")]
    [InlineData("authing ")]
    [InlineData("authing test-access-key")]
    [InlineData("authing :c2lnbmF0dXJl")]
    [InlineData("authing test-access-key:")]
    [InlineData("authing test-access-key:sig:extra")]
    [InlineData("authing test access key:c2lnbmF0dXJl")]
    [InlineData("AUTHING test-access-key:c2lnbmF0dXJl")]
    public async Task A_malformed_authing_Authorization_header_is_refused_as_an_invalid_signature(string authorization)
    {
        using var message = SignedByTheTestKey(CustomFieldCalls.Set("school"));
        message.Headers.Remove("Authorization");
        message.Headers.TryAddWithoutValidation("Authorization", authorization);

        Envelopes.AssertUnauthorized(await SendAsync(message), InvalidSignature);
        Assert.Empty(await api.StoredAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dGVzdDp0ZXN0")]
    [InlineData("Bearer")]
    [InlineData("Bearer not.a.jwt")]
    public async Task Other_Authorization_headers_are_refused_without_a_signature_apiCode(string? authorization)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER");
        if (authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        message.Headers.TryAddWithoutValidation("x-authing-userpool-id", api.PoolId);

        Envelopes.AssertUnauthorized(await SendAsync(message), apiCode: null);
    }
}
