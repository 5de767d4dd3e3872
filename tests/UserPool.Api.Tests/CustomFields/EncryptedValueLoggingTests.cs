using UserPool.Api.Tests.Notifications;

namespace UserPool.Api.Tests.CustomFields;

/// <summary>The values of encrypted custom fields never reach a log line, whether the write succeeds or is refused.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class EncryptedValueLoggingTests(NotificationsApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NoLogLine_AtAnyLevel_ContainsAnEncryptedValue()
    {
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("id_card", isUnique: true, encrypted: true);

        var id = await client.CreateUserAsync(new { username = "a", customData = new { id_card = secret } });
        var refused = await client.CreateUsersAsync(new { username = "b", customData = new { id_card = secret } });
        var read = await client.GetEnvelopeAsync($"/api/v3/get-user?userId={id}&userIdType=user_id&withCustomData=true");
        await client.DefineOkAsync("id_card", encrypted: false);

        Assert.Equal(409, (int)refused["statusCode"]!);
        Assert.Equal(secret, (string)read["data"]!["customData"]!["id_card"]!);
        Assert.NotEmpty(api.Logs.Lines);
        Assert.DoesNotContain(api.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
    }
}
