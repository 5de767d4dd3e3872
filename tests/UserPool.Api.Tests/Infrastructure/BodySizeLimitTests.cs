using System.Text;
using System.Text.Json.Nodes;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Infrastructure;

/// <summary>
/// A body over Api:MaxRequestBodyBytes is answered with a 413 envelope and nothing is written, by either scheme.
/// The server here is real Kestrel with a 64 KiB limit.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class BodySizeLimitTests(SmallBodyLimitApiFactory api) : IClassFixture<SmallBodyLimitApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A valid set-custom-fields request padded (with a member the endpoint ignores) to the given size.</summary>
    public static JsonObject PaddedBody(int approximateBytes)
    {
        var body = CustomFieldCalls.SetBody("school");
        body["padding"] = new string('x', approximateBytes);
        return body;
    }

    [Fact]
    public async Task A_signed_request_over_the_limit_gets_a_413_envelope_and_writes_nothing()
    {
        var envelope = await Envelopes.ReadAsync(await api.SendSignedAsync(
            NodeSdkRequest.Post(CustomFieldCalls.SetPath, PaddedBody(SmallBodyLimitApiFactory.LimitBytes + 1024))));

        Assert.Equal(413, envelope.StatusCode());
        Assert.Null(envelope["data"]);
        Assert.Empty(await api.StoredAsync());
    }

    [Theory]
    [InlineData(TokenSdk.Python)]
    [InlineData(TokenSdk.Go)]
    public async Task A_token_request_over_the_limit_gets_a_413_envelope_and_writes_nothing(TokenSdk sdk)
    {
        using var client = await api.LoggedInTokenClientAsync(sdk);

        var envelope = await client.SendAsync(HttpMethod.Post, CustomFieldCalls.SetPath, PaddedBody(4 * SmallBodyLimitApiFactory.LimitBytes));

        Assert.Equal(413, envelope.StatusCode());
        Assert.Empty(await api.StoredAsync());
    }

    [Fact]
    public async Task An_unauthenticated_request_over_the_limit_gets_a_413_envelope()
    {
        using var http = api.CreateClient();

        var envelope = await Envelopes.ReadAsync(await http.PostAsync("/api/v3/get-management-token",
            new StringContent(PaddedBody(2 * SmallBodyLimitApiFactory.LimitBytes).ToJsonString(), Encoding.UTF8, "application/json")));

        Assert.Equal(413, envelope.StatusCode());
    }

    [Fact]
    public async Task The_same_request_under_the_limit_is_written()
    {
        // Shows that the padded body is otherwise accepted, so "nothing written" above is the limit's doing.
        Envelopes.AssertSuccess(await Envelopes.ReadAsync(await api.SendSignedAsync(
            NodeSdkRequest.Post(CustomFieldCalls.SetPath, PaddedBody(SmallBodyLimitApiFactory.LimitBytes - 1024)))));
        Assert.Single(await api.StoredAsync());
    }
}
