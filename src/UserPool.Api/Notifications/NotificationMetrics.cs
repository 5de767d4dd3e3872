using System.Diagnostics.Metrics;
using UserPool.Api.Observability;

namespace UserPool.Api.Notifications;

/// <summary>
/// Outcomes counted since this process started: kept for the status endpoint and the log, and published
/// as System.Diagnostics.Metrics counters on the server's meter (<see cref="UserPoolMetrics.MeterName"/>).
/// </summary>
public sealed class NotificationMetrics
{

    private readonly Counter<long> _sentCounter;
    private readonly Counter<long> _retriedCounter;
    private readonly Counter<long> _deadCounter;
    private long _sent;
    private long _retried;
    private long _dead;

    public NotificationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(UserPoolMetrics.MeterName);
        _sentCounter = meter.CreateCounter<long>("userpool.notifications.sent", "{message}", "Notifications delivered");
        _retriedCounter = meter.CreateCounter<long>("userpool.notifications.retried", "{message}", "Failed attempts that will be retried");
        _deadCounter = meter.CreateCounter<long>("userpool.notifications.dead", "{message}", "Notifications given up on");
    }

    public NotificationCounters Snapshot() =>
        new(Interlocked.Read(ref _sent), Interlocked.Read(ref _retried), Interlocked.Read(ref _dead));

    public void Record(DeliveryOutcome outcome)
    {
        var channel = new KeyValuePair<string, object?>("channel", outcome.Message.Channel);
        switch (outcome.Status)
        {
            case OutboxNames.Sent:
                Interlocked.Increment(ref _sent);
                _sentCounter.Add(1, channel);
                break;
            case OutboxNames.Pending:
                Interlocked.Increment(ref _retried);
                _retriedCounter.Add(1, channel);
                break;
            default:
                Interlocked.Increment(ref _dead);
                _deadCounter.Add(1, channel);
                break;
        }
    }
}

/// <summary>Outcomes since the process started; Retried counts failed attempts that were scheduled again.</summary>
public sealed record NotificationCounters(long Sent, long Retried, long Dead);
