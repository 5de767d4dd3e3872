namespace UserPool.Api.Tests.Notifications;

/// <summary>The dispatcher's start-up line says once, in plain words, which channels can send.</summary>
[Collection(ManualDispatchCollection.Name)]
public sealed class DispatcherStartLogTests(ManualDispatchApiFactory api)
{
    [Fact]
    public async Task DispatcherStart_LogsEachChannelStateOnceWithoutDoubledWords()
    {
        await using (await api.StartDispatcherAsync())
        {
            await Eventually.UntilAsync(() => api.Logs.Lines.Any(l => l.Contains("Notification dispatcher started")), "the start-up line");
        }

        var line = api.Logs.Lines.First(l => l.Contains("Notification dispatcher started"));
        Assert.Contains(
            ": Notification dispatcher started: e-mail is configured; SMS is not configured (Notifications:Sms:WebhookUrl is empty) |",
            line);
    }
}
