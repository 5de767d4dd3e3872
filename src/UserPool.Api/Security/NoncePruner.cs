using Microsoft.Extensions.Options;

namespace UserPool.Api.Security;

/// <summary>
/// Deletes nonces older than twice the date window: a request that old is refused for its date before
/// its nonce is looked at. Safe to run on every instance at once.
/// </summary>
public sealed class NoncePruner(NonceStore nonces, IOptions<SecurityOptions> options, ILogger<NoncePruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await nonces.PruneAsync(options.Value.SignatureWindow * 2, stoppingToken);
                logger.LogDebug("Pruned {Count} expired signature nonces", removed);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Pruning signature nonces failed; will retry");
            }
        }
    }
}
