using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using UserPool.Api.Infrastructure;
using UserPool.Api.Observability;

namespace UserPool.Api.Data;

/// <summary>
/// How many account reads of one pool run at once (<see cref="DatabaseOptions.ReadConcurrencyPerPool"/>): the rest
/// wait in a bounded queue for a bounded time, then get a 429 with Retry-After. One pool's searches so hold at most
/// a few of the connections, and another pool's list finds one free.
/// </summary>
public sealed class PoolReadLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _wait;
    private readonly UserPoolMetrics _metrics;

    public PoolReadLimiter(IOptions<DatabaseOptions> options, UserPoolMetrics metrics)
    {
        _metrics = metrics;
        var settings = options.Value;
        _wait = TimeSpan.FromMilliseconds(settings.ReadQueueWaitMilliseconds);
        _limiter = PartitionedRateLimiter.Create<string, string>(pool => RateLimitPartition.GetConcurrencyLimiter(pool, _ =>
            new ConcurrencyLimiterOptions
            {
                PermitLimit = settings.ReadConcurrencyPerPool,
                QueueLimit = settings.ReadQueuePerPool,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
    }

    /// <summary>A turn for one read of <paramref name="poolId"/>; dispose it when the read is done.</summary>
    public async Task<RateLimitLease> EnterAsync(string poolId, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(_wait);
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(poolId, 1, wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw Busy();
        }

        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw Busy();
        }

        return lease;
    }

    public void Dispose() => _limiter.Dispose();

    private ApiException Busy()
    {
        _metrics.RateLimitRefused(Limiters.PoolReads);
        return BusyAnswer();
    }

    private static ApiException BusyAnswer() => ApiException.TooManyRequests(
        RequestLanguage.Pick("该用户池同时进行的查询过多，请稍后重试", "Too many reads of this pool are running at once; retry shortly"),
        TimeSpan.FromSeconds(1));
}
