using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Security;

[Collection(SecurityCollection.Name)]
public sealed class SignedRequestAuthenticationTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SignedGet_WithTheRightSecret_IsAnswered()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.GetEnvelopeAsync("/api/v3/get-custom-fields?targetType=USER");

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal("", (string)envelope["message"]!);
        Assert.Empty(envelope["data"]!.AsArray());
    }

    [Fact]
    public async Task SignedGet_WithAWrongSecret_Is401WithInvalidSignatureCode()
    {
        using var client = api.CreateSignedClient(secret: "not-the-secret");

        var envelope = await client.GetEnvelopeAsync("/api/v3/get-custom-fields?targetType=USER");

        Assert.Equal(401, (int)envelope["statusCode"]!);
        Assert.Equal(1300, (int)envelope["apiCode"]!);
        Assert.NotNull((string?)envelope["requestId"]);
    }
}
