using Microsoft.Extensions.DependencyInjection;
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
}

/// <summary>
/// The state between a failed attempt and its retry, which the hosted dispatcher leaves standing for only
/// milliseconds: here no dispatcher runs in the background, and the test dispatches by hand.
/// </summary>
[Collection(ManualDispatchCollection.Name)]
public sealed class ManuallyDispatchedRetryTests(ManualDispatchApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Email_WhileRetrying_KeepsItsProtectedPasswordAndAFutureNextAttempt()
    {
        var address = OutboxSeed.NewEmail();
        api.Smtp.Refuse(address, times: 1);
        var seeded = await OutboxSeed.AddAsync(api, recipient: address, password: OutboxSeed.NewPassword());
        using var dispatcher = ActivatorUtilities.CreateInstance<NotificationDispatcher>(api.Services);

        Assert.Equal(1, await dispatcher.DispatchOnceAsync(CancellationToken.None));

        var firstAttempt = Assert.Single(api.Smtp.AttemptsFor(address));
        Assert.False(firstAttempt.Accepted);
        var retrying = await api.OutboxRowAsync(seeded.Id);
        Assert.NotNull(retrying.LastError);
        Assert.Equal(OutboxNames.Pending, retrying.Status);
        Assert.NotNull(retrying.ProtectedPassword);
        Assert.True(retrying.NextAttemptAt > firstAttempt.At.UtcDateTime, "the retry is not scheduled after the failure");

        // The retry is claimed only once its time has come (the database's clock decides); until then a round claims nothing.
        await Eventually.UntilAsync(async () => await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0, "the retry to fall due and be dispatched");

        var sent = await api.OutboxRowAsync(seeded.Id);
        Assert.Equal(OutboxNames.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.ProtectedPassword);
        Assert.Single(api.Smtp.MailsTo(address));
        var retry = api.Smtp.AttemptsFor(address)[1];
        Assert.True(retry.At.UtcDateTime >= retrying.NextAttemptAt.AddMilliseconds(-5), "retried before its next attempt time");
    }
}
