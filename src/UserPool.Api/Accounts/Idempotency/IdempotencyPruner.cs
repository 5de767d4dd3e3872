namespace UserPool.Api.Accounts.Idempotency;

/// <summary>Deletes stored answers past their retention; safe on every instance at once.</summary>
public sealed class IdempotencyPruner(IdempotencyStore store, ILogger<IdempotencyPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await store.PruneAsync(stoppingToken);
                logger.LogDebug("Pruned {Count} expired idempotency keys", removed);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Pruning idempotency keys failed; will retry");
            }
        }
    }
}
