using System.Globalization;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Security;

/// <summary>Token lifetime and signature freshness against a server clock the test moves.</summary>
[Collection(SecurityCollection.Name)]
public sealed class ManagementTokenExpiryTests(MovableClockApiFactory api) : IClassFixture<MovableClockApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_token_is_accepted_until_it_expires_and_refused_afterwards()
    {
        using var client = await api.LoggedInTokenClientAsync(TokenSdk.Python);
        Envelopes.AssertSuccess(await client.SendAsync(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER"));

        api.Clock.Advance(TimeSpan.FromSeconds(7200 - 5));
        Envelopes.AssertSuccess(await client.SendAsync(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER"));

        api.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await client.SendAsync(HttpMethod.Post, CustomFieldCalls.SetPath, CustomFieldCalls.SetBody("school"));

        Envelopes.AssertUnauthorized(expired, apiCode: null);
        Assert.Contains("expired", expired.Message(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await api.StoredAsync());
    }

    [Fact]
    public async Task A_fresh_token_after_expiry_works_again()
    {
        using var client = await api.LoggedInTokenClientAsync(TokenSdk.Go);
        api.Clock.Advance(TimeSpan.FromHours(3));
        Envelopes.AssertUnauthorized(await client.SendAsync(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER"), apiCode: null);

        Envelopes.AssertSuccess(await client.LoginAsync());

        Envelopes.AssertSuccess(await client.SendAsync(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER"));
    }

    [Fact]
    public async Task The_signature_window_follows_the_server_clock()
    {
        var serverNow = api.Clock.GetUtcNow();
        api.Clock.Advance(TimeSpan.FromMinutes(30));
        var stale = CustomFieldCalls.GetUserFields();
        stale.Headers["date"] = serverNow.ToString("r", CultureInfo.InvariantCulture);

        Envelopes.AssertUnauthorized(await Envelopes.ReadAsync(await api.SendSignedAsync(stale)), 1305);

        var current = CustomFieldCalls.GetUserFields();
        current.Headers["date"] = api.Clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        Envelopes.AssertSuccess(await Envelopes.ReadAsync(await api.SendSignedAsync(current)));
    }
}
