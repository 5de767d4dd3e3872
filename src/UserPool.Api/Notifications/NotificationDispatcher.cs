using Microsoft.Extensions.Options;

namespace UserPool.Api.Notifications;

/// <summary>
/// Delivers the outbox in the background, never on a request path: claim a batch, send it, record the
/// outcomes; poll again after PollInterval when the outbox had no full batch. Any number of instances
/// may run against one database. Counts are logged every StatsLogInterval when something moved.
/// </summary>
public sealed class NotificationDispatcher(
    OutboxStore store,
    OutboxProcessor processor,
    NotificationStatusReader status,
    OutboxSignal signal,
    IOptionsMonitor<NotificationOptions> options,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan MaxErrorDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        NotificationLog.DispatcherStarted(logger, Describe("e-mail", status.Channel(OutboxNames.Email)), Describe("SMS", status.Channel(OutboxNames.Sms)));
        var failures = 0;
        var nextReport = clock.GetUtcNow() + options.CurrentValue.StatsLogInterval;
        NotificationCounters? reported = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.CurrentValue;
            TimeSpan delay;
            try
            {
                var claimed = await DispatchOnceAsync(stoppingToken);
                failures = 0;
                delay = claimed >= settings.BatchSize ? TimeSpan.Zero : settings.PollInterval;
                if (clock.GetUtcNow() >= nextReport)
                {
                    nextReport = clock.GetUtcNow() + settings.StatsLogInterval;
                    reported = await ReportAsync(reported, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                failures++;
                delay = TimeSpan.FromTicks(Math.Min(MaxErrorDelay.Ticks, settings.PollInterval.Ticks << Math.Min(failures, 20)));
                NotificationLog.DispatchFailed(logger, exception, delay);
            }

            if (delay > TimeSpan.Zero && !await WaitAsync(delay, stoppingToken))
            {
                break;
            }
        }
    }

    /// <summary>One claim-send-record round; the number of messages claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken stoppingToken)
    {
        var settings = options.CurrentValue;
        var batch = await store.ClaimAsync(settings.BatchSize, settings.ClaimLease, stoppingToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var summary = await processor.ProcessAsync(batch, stoppingToken);
        NotificationLog.BatchDone(logger, summary.Claimed, summary.Sent, summary.Retried, summary.Dead, summary.Released);
        return batch.Count;
    }

    private async Task<NotificationCounters?> ReportAsync(NotificationCounters? reported, CancellationToken ct)
    {
        var now = await status.ReadAsync(ct);
        if (now.Outbox is not { } outbox)
        {
            NotificationLog.StatsUnavailable(logger, now.OutboxError ?? "unknown");
            return reported;
        }

        if (now.SinceStart != reported || outbox.Pending > 0)
        {
            var c = now.SinceStart;
            NotificationLog.Stats(logger, c.Sent, c.Retried, c.Dead, outbox.Pending, outbox.Due, outbox.Sent, outbox.Dead);
        }

        return now.SinceStart;
    }

    private Task<bool> WaitAsync(TimeSpan delay, CancellationToken stoppingToken) => signal.WaitAsync(delay, clock, stoppingToken);

    /// <summary>A channel's reason already names the channel ("SMS is not configured (…)"); the other states get its name here.</summary>
    private static string Describe(string name, ChannelStatus channel) =>
        channel.Configured ? $"{name} is configured" : channel.Reason ?? $"{name} is unavailable";
}
