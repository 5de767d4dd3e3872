using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using UserPool.Api.Notifications;

namespace UserPool.Api.Tests.Notifications;

/// <summary>Dispatchers started and stopped by the tests, as instances of a deployment come and go.</summary>
[Collection(ManualDispatchCollection.Name)]
public sealed class DispatcherRecoveryTests(ManualDispatchApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void DispatcherEnabledFalse_RunsNoDispatcherInTheHost() =>
        Assert.Empty(api.Services.GetServices<IHostedService>().OfType<NotificationDispatcher>());

    [Fact]
    public async Task MessagesWrittenWhileNoDispatcherRuns_AreDeliveredWhenOneStarts()
    {
        var seeded = await OutboxSeed.AddAsync(api, password: OutboxSeed.NewPassword());
        Assert.Equal(OutboxNames.Pending, (await api.OutboxRowAsync(seeded.Id)).Status);

        await using var dispatcher = await api.StartDispatcherAsync();

        await api.Smtp.WaitForMailToAsync(seeded.Recipient);
        await api.WaitForStatusAsync(seeded.Id, OutboxNames.Sent);
    }

    [Fact]
    public async Task MessageClaimedByADispatcherThatDied_IsDeliveredByAnotherOnceTheLeaseEnds()
    {
        var seeded = await OutboxSeed.AddAsync(api, password: OutboxSeed.NewPassword());
        var store = api.Services.GetRequiredService<OutboxStore>();
        Assert.Single(await store.ClaimAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None)); // ...and dies here
        var leaseEnd = (await api.OutboxRowAsync(seeded.Id)).NextAttemptAt;

        await using var dispatcher = await api.StartDispatcherAsync();
        var mail = await api.Smtp.WaitForMailToAsync(seeded.Recipient);
        var row = await api.WaitForStatusAsync(seeded.Id, OutboxNames.Sent);

        Assert.True(mail.ReceivedAt.UtcDateTime >= leaseEnd.AddMilliseconds(-5), "delivered before the lease ended");
        Assert.Equal(2, row.Attempts);
        Assert.Null(row.ProtectedPassword);
        Assert.Single(api.Smtp.MailsTo(seeded.Recipient));
    }

    [Fact]
    public async Task DispatcherStoppedMidBatch_FinishesTheSendUnderWay_AndTheNextDispatcherDeliversTheRest()
    {
        var seeded = await OutboxSeed.AddManyAsync(api, [new SeedSpec(), new SeedSpec(), new SeedSpec()]);
        api.Smtp.HoldDataReplies();
        var first = await api.StartDispatcherAsync();
        await Eventually.UntilAsync(() => api.Smtp.HeldCount == 1, "the first send to reach DATA");

        var stopping = first.StopAsync();
        api.Smtp.ReleaseHeld();
        await stopping.WaitAsync(Eventually.DefaultTimeout);

        var rows = await Task.WhenAll(seeded.Select(s => api.OutboxRowAsync(s.Id)));
        Assert.Single(rows, r => r.Status == OutboxNames.Sent);
        var handedBack = rows.Where(r => r.Status == OutboxNames.Pending).ToList();
        Assert.Equal(2, handedBack.Count);
        Assert.All(handedBack, r => Assert.Equal(0, r.Attempts));
        Assert.All(handedBack, r => Assert.True(r.NextAttemptAt <= DateTime.UtcNow.AddSeconds(1), "handed back for later, not for now"));

        await using var second = await api.StartDispatcherAsync();
        foreach (var message in seeded)
        {
            await api.WaitForStatusAsync(message.Id, OutboxNames.Sent);
        }

        Assert.All(seeded, s => Assert.Single(api.Smtp.MailsTo(s.Recipient)));
    }

    [Fact]
    public async Task TwoDispatchersRunningAtOnce_NeverSendAMessageTwice()
    {
        var seeded = await OutboxSeed.AddManyAsync(api, Enumerable.Range(0, 40).Select(_ => new SeedSpec()));

        await using (var first = await api.StartDispatcherAsync())
        await using (var second = await api.StartDispatcherAsync())
        {
            await Eventually.UntilAsync(async () => await api.CountAsync(OutboxNames.Sent) == 40, "all 40 messages to be sent");
        }

        Assert.All(seeded, s => Assert.Single(api.Smtp.MailsTo(s.Recipient)));
        Assert.All(await Task.WhenAll(seeded.Select(s => api.OutboxRowAsync(s.Id))), r => Assert.Equal(1, r.Attempts));
    }

    [Fact]
    public async Task Sms_WhenNoWebhookIsConfigured_IsDeadAtOnceWithAClearError_AndItsPasswordErased()
    {
        var seeded = await OutboxSeed.AddAsync(api, OutboxNames.Sms, password: OutboxSeed.NewPassword());

        await using var dispatcher = await api.StartDispatcherAsync();
        var row = await api.WaitForStatusAsync(seeded.Id, OutboxNames.Dead);

        Assert.Equal("SMS is not configured (Notifications:Sms:WebhookUrl is empty)", row.LastError);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.ProtectedPassword);
    }
}
