using System.Text;
using System.Text.Json.Nodes;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Infrastructure;

/// <summary>Routing and body errors under /api/v3 are envelopes too, and every error envelope carries the request id.</summary>
[Collection(SecurityCollection.Name)]
public sealed class ErrorEnvelopeTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("GET", "/api/v3/no-such-endpoint")]
    [InlineData("POST", "/api/v3/create-something-unknown")]
    [InlineData("GET", "/api/v3")]
    public async Task An_unknown_api_path_is_a_404_envelope(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var envelope = await Envelopes.ReadAsync(await api.CreateClient().SendAsync(request));

        Assert.Equal(404, envelope.StatusCode());
        Assert.Null(envelope["data"]);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_envelope_for_a_signed_caller_too()
    {
        var envelope = await Envelopes.ReadAsync(await api.SendSignedAsync(NodeSdkRequest.Get("/api/v3/no-such-endpoint")));

        Assert.Equal(404, envelope.StatusCode());
    }

    [Theory]
    [InlineData("GET", CustomFieldCalls.SetPath)]
    [InlineData("POST", CustomFieldCalls.GetPath)]
    [InlineData("DELETE", CustomFieldCalls.SetPath)]
    [InlineData("GET", "/api/v3/get-management-token")]
    public async Task A_wrong_method_is_a_405_envelope(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var envelope = await Envelopes.ReadAsync(await api.CreateClient().SendAsync(request));

        Assert.Equal(405, envelope.StatusCode());
    }

    [Theory]
    [InlineData("{\"list\":[{\"targetType\":\"USER\",\"key\":}]}", "$.list[0].key")]
    [InlineData("{\"list\":[{\"targetType\":\"USER\",\"key\":\"a\"}]", "$")]
    [InlineData("{\"list\": tru}", "$.list")]
    public async Task A_malformed_JSON_body_with_a_token_is_a_400_envelope_that_names_the_position(string body, string path)
    {
        using var client = await api.LoggedInTokenClientAsync(TokenSdk.Python);
        using var request = client.Build(HttpMethod.Post, CustomFieldCalls.SetPath);
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var envelope = await Envelopes.ReadAsync(await api.CreateClient().SendAsync(request));

        Assert.Equal(400, envelope.StatusCode());
        Assert.Contains(path, envelope.Message());
        Assert.Matches(@"line \d+, byte \d+", envelope.Message());
        Assert.Empty(await api.StoredAsync());
    }

    [Theory]
    [InlineData("unknown path")]
    [InlineData("wrong method")]
    [InlineData("signature refused")]
    [InlineData("token refused")]
    [InlineData("malformed JSON")]
    [InlineData("validation failure")]
    [InlineData("wrong secret for a token")]
    public async Task Every_error_envelope_has_the_request_id_of_the_x_request_id_header(string error)
    {
        using var token = await api.LoggedInTokenClientAsync(TokenSdk.Python);
        HttpRequestMessage request = error switch
        {
            "unknown path" => new(HttpMethod.Get, "/api/v3/no-such-endpoint"),
            "wrong method" => new(HttpMethod.Get, CustomFieldCalls.SetPath),
            "signature refused" => CustomFieldCalls.GetUserFields().Sign(UserPoolApiFactory.AccessKeyId, "not-the-secret"),
            "token refused" => new(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER") { Headers = { { "Authorization", "Bearer x.y.z" } } },
            "malformed JSON" => WithBody(token.Build(HttpMethod.Post, CustomFieldCalls.SetPath), "{\"list\":"),
            "validation failure" => token.Build(HttpMethod.Post, CustomFieldCalls.SetPath, new JsonObject { ["list"] = new JsonArray() }),
            "wrong secret for a token" => WithBody(new(HttpMethod.Post, "/api/v3/get-management-token"),
                $"{{\"accessKeyId\":\"{UserPoolApiFactory.AccessKeyId}\",\"accessKeySecret\":\"wrong\"}}"),
            _ => throw new ArgumentOutOfRangeException(nameof(error)),
        };

        using (request)
        {
            var response = await api.CreateClient().SendAsync(request);
            var envelope = await Envelopes.ReadAsync(response);

            Assert.NotEqual(200, envelope.StatusCode());
            var requestId = (string?)envelope["requestId"];
            Assert.Matches("^[0-9a-f]{24}$", requestId);
            Assert.True(response.Headers.TryGetValues("x-request-id", out var header), "No x-request-id header.");
            Assert.Equal(requestId, Assert.Single(header));
        }
    }

    [Fact]
    public async Task Successful_answers_carry_an_x_request_id_header_too()
    {
        var response = await api.SendSignedAsync(CustomFieldCalls.GetUserFields());

        Assert.Matches("^[0-9a-f]{24}$", Assert.Single(response.Headers.GetValues("x-request-id")));
    }

    private static HttpRequestMessage WithBody(HttpRequestMessage request, string body)
    {
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return request;
    }
}
