using Microsoft.Extensions.Options;

namespace UserPool.Api.Passwords.Transport;

/// <summary>Re-reads the transport keys now and then; the first load happens at start-up (DatabaseStartup).</summary>
public sealed class TransportKeyRefresher(PasswordTransport transport, IOptions<TransportKeyOptions> options, ILogger<TransportKeyRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await transport.RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Refreshing the transport keys failed; the loaded keys stay in use");
            }
        }
    }
}
