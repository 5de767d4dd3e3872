using System.Net.Http.Json;
using UserPool.Api.Infrastructure;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Infrastructure;

/// <summary>What every answer carries and how every path is read: security headers, repeated slashes, unknown paths.</summary>
[Collection(ApiCollection.Name)]
public sealed class HttpEdgeTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static void AssertSecurityHeaders(HttpResponseMessage response, string expectedPolicy)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(expectedPolicy, policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    [Theory]
    [InlineData("/api/v3/get-custom-fields?targetType=USER")] // signed success
    [InlineData("/api/v3/get-custom-fields")]                 // 400 envelope
    [InlineData("/health/live")]
    [InlineData("/health/notifications")]
    public async Task Every_answer_carries_the_security_headers(string pathAndQuery)
    {
        using var client = api.CreateSignedClient();

        using var response = await client.GetAsync(pathAndQuery);

        AssertSecurityHeaders(response, SecurityHeaders.ApiPolicy);
    }

    [Fact]
    public async Task Unauthenticated_and_throttled_answers_carry_the_security_headers_too()
    {
        using var http = api.CreateClient();

        using var response = await http.GetAsync("/api/v3/get-custom-fields?targetType=USER");

        Envelopes.AssertUnauthorized(await Envelopes.ReadAsync(response), apiCode: null);
        AssertSecurityHeaders(response, SecurityHeaders.ApiPolicy);
    }

    [Fact]
    public async Task Swagger_UI_gets_a_policy_that_allows_its_own_scripts_and_styles_only()
    {
        using var http = api.CreateClient();

        using var page = await http.GetAsync("/swagger/index.html");

        page.EnsureSuccessStatusCode();
        AssertSecurityHeaders(page, SecurityHeaders.SwaggerUiPolicy);
        Assert.Contains("script-src 'self'", SecurityHeaders.SwaggerUiPolicy);
        Assert.DoesNotContain("unsafe-eval", SecurityHeaders.SwaggerUiPolicy);
    }

    [Fact]
    public async Task A_token_request_with_a_doubled_leading_slash_reaches_the_endpoint()
    {
        using var http = api.CreateClient();

        using var response = await http.PostAsJsonAsync(new Uri(http.BaseAddress!.GetLeftPart(UriPartial.Authority) + "//api/v3/get-management-token"),
            new { accessKeyId = UserPoolApiFactory.AccessKeyId, accessKeySecret = UserPoolApiFactory.AccessKeySecret });

        var envelope = await Envelopes.ReadAsync(response);
        Envelopes.AssertSuccess(envelope);
        Assert.False(string.IsNullOrEmpty((string?)envelope["data"]!["access_token"]));
    }

    [Theory]
    [InlineData("//api/v3/get-custom-fields?targetType=USER")] // signed over the path as sent
    [InlineData("/api/v3//get-custom-fields?targetType=USER")]
    public async Task A_signed_request_with_repeated_slashes_is_verified_and_answered(string pathAndQuery)
    {
        using var client = api.CreateSignedClient();
        using var request = client.Sign(HttpMethod.Get, pathAndQuery, body: null);
        request.RequestUri = new Uri(client.Http.BaseAddress!.GetLeftPart(UriPartial.Authority) + pathAndQuery);

        using var response = await client.Http.SendAsync(request);

        Envelopes.AssertSuccess(await Envelopes.ReadAsync(response));
    }

    [Theory]
    [InlineData("/api/v3/no-such-endpoint")]
    [InlineData("/no-such-path")]
    [InlineData("/")]
    [InlineData("/swagger/no-such-file.js")]
    [InlineData("/health/no-such-check")]
    public async Task Every_unknown_path_answers_a_JSON_envelope_never_an_empty_body(string path)
    {
        using var http = api.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var envelope = await Envelopes.ReadAsync(response);
        Assert.Equal(404, envelope.StatusCode());
        Assert.Contains(path, envelope.Message());
        AssertSecurityHeaders(response, SecurityHeaders.PolicyFor(path));
    }
}

