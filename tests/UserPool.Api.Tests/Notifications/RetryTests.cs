using UserPool.Api.Notifications;
using static UserPool.Api.Tests.Notifications.NotificationsApiFactory;

namespace UserPool.Api.Tests.Notifications;

[Collection(NotificationsCollection.Name)]
public sealed class RetryTests(NotificationsApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Email_WhenTheServerAlwaysRefuses_IsRetriedWithGrowingDelaysThenDeadWithItsLastError()
    {
        var address = OutboxSeed.NewEmail();
        api.Smtp.Refuse(address, reply: "554 5.7.1 Rejected by the test server");
        var seeded = await OutboxSeed.AddAsync(api, recipient: address, password: OutboxSeed.NewPassword());

        var row = await api.WaitForStatusAsync(seeded.Id, OutboxNames.Dead);

        Assert.Equal(MaxAttempts, row.Attempts);
        Assert.Contains("554", row.LastError);
        Assert.Contains("Rejected by the test server", row.LastError);
        Assert.Null(row.ProtectedPassword);
        Assert.Null(row.SentAt);
        Assert.Empty(api.Smtp.MailsTo(address));
        var attempts = api.Smtp.AttemptsFor(address);
        Assert.Equal(MaxAttempts, attempts.Count);
        for (var i = 1; i < attempts.Count; i++)
        {
            // The k-th retry waits at least BaseRetryDelay × 2^(k-1); jitter only adds.
            var minimum = BaseRetryDelay * Math.Pow(2, i - 1) - TimeSpan.FromMilliseconds(5);
            Assert.True(attempts[i].At - attempts[i - 1].At >= minimum,
                $"retry {i} came {(attempts[i].At - attempts[i - 1].At).TotalMilliseconds} ms after the previous attempt, expected ≥ {minimum.TotalMilliseconds}");
        }
    }

    [Fact]
    public async Task Email_WhenTheServerRefusesTwice_IsDeliveredOnTheThirdAttempt()
    {
        var address = OutboxSeed.NewEmail();
        api.Smtp.Refuse(address, times: 2, reply: "451 4.3.0 Try again later");
        var seeded = await OutboxSeed.AddAsync(api, recipient: address, password: OutboxSeed.NewPassword());

        var row = await api.WaitForStatusAsync(seeded.Id, OutboxNames.Sent);

        Assert.Equal(3, row.Attempts);
        Assert.Contains("451", row.LastError);
        Assert.Null(row.ProtectedPassword);
        Assert.Single(api.Smtp.MailsTo(address));
    }

    [Fact]
    public async Task Email_WhileRetrying_KeepsItsProtectedPasswordAndAFutureNextAttempt()
    {
        var address = OutboxSeed.NewEmail();
        api.Smtp.Refuse(address, times: 1);
        var seeded = await OutboxSeed.AddAsync(api, recipient: address, password: OutboxSeed.NewPassword());

        await Eventually.UntilAsync(() => api.Smtp.AttemptsFor(address).Count >= 1, "the first attempt");
        OutboxRow? retrying = null;
        await Eventually.UntilAsync(async () => (retrying = await api.OutboxRowAsync(seeded.Id)).LastError is not null, "the failure to be recorded");

        Assert.Equal(OutboxNames.Pending, retrying!.Status);
        Assert.NotNull(retrying.ProtectedPassword);
        Assert.True(retrying.NextAttemptAt > api.Smtp.AttemptsFor(address)[0].At.UtcDateTime, "the retry is not scheduled after the failure");
        await api.WaitForStatusAsync(seeded.Id, OutboxNames.Sent);
    }
}
