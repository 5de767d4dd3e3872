using Microsoft.Extensions.Options;

namespace UserPool.Api.Notifications;

/// <summary>
/// Deletes sent and dead outbox rows past Notifications:OutboxRetention every ten minutes, so the outbox (and
/// the status endpoint's count over it) stays the size of the recent traffic. Safe on every instance at once.
/// </summary>
public sealed class OutboxPruner(OutboxStore store, IOptionsMonitor<NotificationOptions> options, ILogger<OutboxPruner> logger) : BackgroundService
{
    public const int ChunkSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await store.PruneAsync(options.CurrentValue.OutboxRetention, ChunkSize, stoppingToken);
                logger.LogDebug("Pruned {Count} sent and dead notifications", removed);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Pruning the notification outbox failed; will retry");
            }
        }
    }
}
