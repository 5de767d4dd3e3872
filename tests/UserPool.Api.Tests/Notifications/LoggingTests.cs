using UserPool.Api.Notifications;

namespace UserPool.Api.Tests.Notifications;

[Collection(NotificationsCollection.Name)]
public sealed class LoggingTests(NotificationsApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NoLogLine_AtAnyLevel_ContainsAGeneratedPassword_WhetherSentRetriedOrDead()
    {
        var password = OutboxSeed.NewPassword();
        var refused = OutboxSeed.NewEmail();
        var flakyPhone = OutboxSeed.NewPhone();
        api.Smtp.Refuse(refused);
        api.SmsGateway.Fail(flakyPhone, times: 1, status: 500);
        var seeded = await OutboxSeed.AddManyAsync(api,
        [
            new SeedSpec(OutboxNames.Email, "en-US", Password: password),
            new SeedSpec(OutboxNames.Email, "zh-CN", Password: password, Recipient: refused),
            new SeedSpec(OutboxNames.Sms, "zh-CN", Password: password, Recipient: flakyPhone),
        ]);

        await api.WaitForStatusAsync(seeded[0].Id, OutboxNames.Sent);
        await api.WaitForStatusAsync(seeded[1].Id, OutboxNames.Dead);
        await api.WaitForStatusAsync(seeded[2].Id, OutboxNames.Sent);
        await Eventually.UntilAsync(() => api.Logs.Lines.Any(l => l.Contains("Notifications since start")), "the periodic counts");
        // The dead line is written just after the status is stored, so the wait above can end before it.
        await Eventually.UntilAsync(() => api.Logs.Lines.Any(l => l.Contains($"Notification {seeded[1].Id} by email is dead")), "the dead line");

        Assert.Contains(api.Logs.Lines, l => l.Contains("Notification batch:"));
        Assert.Contains(api.Logs.Lines, l => l.Contains($"Notification {seeded[1].Id} by email is dead"));
        Assert.DoesNotContain(api.Logs.Lines, l => l.Contains(password, StringComparison.Ordinal));
    }
}
