using System.Diagnostics.Metrics;
using UserPool.Api.Observability;

namespace UserPool.Api.Notifications;

/// <summary>
/// userpool.outbox.messages: the outbox's messages by status (pending, sent, dead), all pools, as the database holds
/// them, so every instance reports the same figure. A scrape never waits for a query: it reads the last count and a
/// stale one is refreshed behind it, with the status endpoint's shared count (at most one query per
/// Notifications:StatusCacheDuration, and none while nothing reads the gauge).
/// </summary>
public sealed class OutboxGauge
{
    public OutboxGauge(IMeterFactory meters, NotificationStatusReader status)
    {
        meters.Create(UserPoolMetrics.MeterName).CreateObservableGauge(MetricNames.OutboxMessages, () => Measure(status), "{message}",
            "Outbox messages by status in the database, all pools");
    }

    private static IEnumerable<Measurement<long>> Measure(NotificationStatusReader status)
    {
        if (status.LatestCounts() is not { } counts)
        {
            return [];
        }

        return
        [
            new(counts.Pending, new KeyValuePair<string, object?>(MetricNames.StatusLabel, OutboxNames.Pending)),
            new(counts.Sent, new KeyValuePair<string, object?>(MetricNames.StatusLabel, OutboxNames.Sent)),
            new(counts.Dead, new KeyValuePair<string, object?>(MetricNames.StatusLabel, OutboxNames.Dead)),
        ];
    }
}
