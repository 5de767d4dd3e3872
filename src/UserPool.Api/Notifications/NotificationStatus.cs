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

/// <summary>Counters of this process together with the outbox counts of the database.</summary>
public sealed class NotificationStatusReader(
    IEnumerable<INotificationSender> senders, NotificationMetrics metrics, OutboxStore store, IOptionsMonitor<NotificationOptions> options)
{
    public async Task<NotificationStatus> ReadAsync(CancellationToken ct)
    {
        OutboxCounts? counts = null;
        string? error = null;
        try
        {
            counts = await store.CountAsync(ct);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            error = "database unreachable";
        }

        return new NotificationStatus(options.CurrentValue.DispatcherEnabled, Channel(OutboxNames.Email), Channel(OutboxNames.Sms),
            metrics.Snapshot(), counts, error);
    }

    public ChannelStatus Channel(string name)
    {
        var reason = senders.FirstOrDefault(s => s.Channel == name)?.UnavailableReason;
        return new ChannelStatus(reason is null, reason);
    }
}
