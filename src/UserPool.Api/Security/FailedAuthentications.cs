using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using UserPool.Api.Observability;

namespace UserPool.Api.Security;

/// <summary>
/// Counts failed authentications per client address and per (access key id, client address), and tells
/// whether a client must wait. Only failures count: a genuine request never spends a permit, so a key's owner
/// is only ever refused here from an address that has been failing.
/// </summary>
public sealed class FailedAuthentications : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perKeyAndAddress;
    private readonly ILogger _logger;
    private readonly UserPoolMetrics _metrics;
    private long _failures;
    private long _refusals;

    public FailedAuthentications(IOptions<FailedAuthenticationOptions> options, ILoggerFactory loggers, UserPoolMetrics metrics)
    {
        _metrics = metrics;
        var settings = options.Value;
        var window = TimeSpan.FromSeconds(settings.WindowSeconds);
        _perAddress = Windowed(settings.PerAddressLimit, window);
        _perKeyAndAddress = Windowed(settings.PerKeyAndAddressLimit, window);
        _logger = loggers.CreateLogger("UserPool.Api.Security.FailedAuthentication");
    }

    /// <summary>How long the client must wait before trying again; null when it may try now.</summary>
    public TimeSpan? MustWait(string address, string? accessKeyId)
    {
        var wait = Probe(_perAddress, address) ?? (accessKeyId is null ? null : Probe(_perKeyAndAddress, Pair(accessKeyId, address)));
        if (wait is not null)
        {
            Interlocked.Increment(ref _refusals);
            _metrics.RateLimitRefused(Limiters.FailedAuthentications);
            _logger.LogDebug("Refused a request from {ClientAddress}: too many failed authentications", address);
        }

        return wait;
    }

    /// <summary>
    /// Counts one failure. Logged at Debug: one line per forged request at Information would let anyone fill the
    /// disk. The log names the key only when it exists (<paramref name="knownKeyId"/>): a claimed id may be a
    /// secret pasted into the wrong field.
    /// </summary>
    public void Record(string address, string? accessKeyId, string? knownKeyId, string reason)
    {
        Interlocked.Increment(ref _failures);
        _perAddress.AttemptAcquire(address).Dispose();
        if (accessKeyId is not null)
        {
            _perKeyAndAddress.AttemptAcquire(Pair(accessKeyId, address)).Dispose();
        }

        _logger.LogDebug("Failed authentication from {ClientAddress} for access key {AccessKeyId}: {Reason}", address, knownKeyId ?? "(unknown)", reason);
    }

    /// <summary>The failures and refusals since the last call, for the once-a-minute summary.</summary>
    public (long Failures, long Refusals) TakeCounts() => (Interlocked.Exchange(ref _failures, 0), Interlocked.Exchange(ref _refusals, 0));

    public void Dispose()
    {
        _perAddress.Dispose();
        _perKeyAndAddress.Dispose();
    }

    // A lease for zero permits asks "is a permit left?" without spending one.
    private static TimeSpan? Probe(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key, 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    private static string Pair(string accessKeyId, string address) => accessKeyId + "\n" + address;

    // Idle partitions (a full window with no failure) are dropped by the limiter itself, so memory follows the
    // clients failing now; the per-address limit bounds how many key ids one address can make it remember.
    private static PartitionedRateLimiter<string> Windowed(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        }));
}

/// <summary>Writes how many authentications failed in the last minute, at Information, only when some did.</summary>
public sealed class FailedAuthenticationReporter(FailedAuthentications failures, ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger("UserPool.Api.Security.FailedAuthentication");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var (failed, refused) = failures.TakeCounts();
            if (failed + refused > 0)
            {
                _logger.LogInformation("{Failures} failed authentications in the last minute; {Refusals} requests refused with 429 for them", failed, refused);
            }
        }
    }
}
