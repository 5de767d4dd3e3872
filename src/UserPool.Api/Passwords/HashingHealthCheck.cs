using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace UserPool.Api.Passwords;

/// <summary>
/// Degraded (still HTTP 200: the replica serves, but a balancer or operator can see it) while the hashing backlog
/// takes longer to drain than a pool may queue, or a batch was refused in the last seconds.
/// </summary>
public sealed class HashingHealthCheck(PasswordHashingPool hashing) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = hashing.Saturation;
        var data = new Dictionary<string, object>
        {
            ["queued"] = now.Queued,
            ["queuedPools"] = now.QueuedPools,
            ["drainSeconds"] = Math.Round(now.DrainSeconds, 1),
        };
        var saturated = now.RefusedRecently || now.DrainSeconds > hashing.MaxQueuedSeconds;
        return Task.FromResult(saturated
            ? HealthCheckResult.Degraded("password hashing saturated", data: data)
            : HealthCheckResult.Healthy(data: data));
    }
}
