using Microsoft.Extensions.Options;
using Npgsql;

namespace UserPool.Api.Notifications;

/// <summary>The answer of GET /health/notifications.</summary>
public sealed record NotificationStatus(
    bool DispatcherEnabled,
    ChannelStatus Email,
    ChannelStatus Sms,
    NotificationCounters SinceStart,
    OutboxCounts? Outbox,
    string? OutboxError);

public sealed record ChannelStatus(bool Configured, string? Reason);

/// <summary>
/// Counters of this process together with the outbox counts of the database. The endpoint is anonymous, so the
/// counts are shared: at most one count runs at a time, and its answer is reused for StatusCacheDuration.
/// </summary>
public sealed class NotificationStatusReader(
    IEnumerable<INotificationSender> senders, NotificationMetrics metrics, OutboxStore store, IOptionsMonitor<NotificationOptions> options)
{
    private readonly Lock _gate = new();
    private Task<OutboxCounts>? _counting;
    private long _countedAt;
    private OutboxCounts? _latest;

    public async Task<NotificationStatus> ReadAsync(CancellationToken ct)
    {
        OutboxCounts? counts = null;
        string? error = null;
        try
        {
            counts = await SharedCountAsync().WaitAsync(ct);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            error = "database unreachable";
        }

        return new NotificationStatus(options.CurrentValue.DispatcherEnabled, Channel(OutboxNames.Email), Channel(OutboxNames.Sms),
            metrics.Snapshot(), counts, error);
    }

    /// <summary>
    /// For the metrics gauge, which must not wait: the count when a fresh one is at hand, else the last one while a
    /// new count runs in the background (the same shared, cached count as the endpoint's); null before the first.
    /// </summary>
    public OutboxCounts? LatestCounts()
    {
        var counting = SharedCountAsync();
        return counting.IsCompletedSuccessfully ? counting.Result : Volatile.Read(ref _latest);
    }

    private Task<OutboxCounts> SharedCountAsync()
    {
        lock (_gate)
        {
            var stale = _counting is null || _counting.IsFaulted || _counting.IsCanceled
                || _counting.IsCompletedSuccessfully
                    && Environment.TickCount64 - Interlocked.Read(ref _countedAt) >= options.CurrentValue.StatusCacheDuration.TotalMilliseconds;
            if (stale)
            {
                _counting = CountNowAsync();
            }

            return _counting!;
        }
    }

    // Not cancelled by the caller: other probes may be waiting for the same count.
    private async Task<OutboxCounts> CountNowAsync()
    {
        var counts = await store.CountAsync(CancellationToken.None);
        Interlocked.Exchange(ref _countedAt, Environment.TickCount64);
        Volatile.Write(ref _latest, counts);
        return counts;
    }

    public ChannelStatus Channel(string name)
    {
        var reason = senders.FirstOrDefault(s => s.Channel == name)?.UnavailableReason;
        return new ChannelStatus(reason is null, reason);
    }
}
