using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Reliability.Support;

/// <summary>
/// Hashing at its production cost (work factor 10), so that hashing, not HTTP, is the work a noisy pool piles up; the per-pool bound at its floor, one batch of 50, so that pool A's excess is
/// refused within the run.
/// </summary>
public sealed class HashingNeighbourApiFactory : UserPoolApiFactory
{
    public const int WorkFactor = 10;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Passwords:BcryptWorkFactor"] = WorkFactor.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Passwords:MaxQueuedHashingSeconds"] = "0",
    };
}

/// <summary>The read limits at their defaults (statement timeout, turns per pool, connection pool size).</summary>
public sealed class SearchNeighbourApiFactory : UserPoolApiFactory;

/// <summary>
/// Two pooled connections (a create needs two: its own and the key ring's) and a statement timeout no real search
/// meets: every account search times out, and the connection it ran on must come back in working order.
/// </summary>
public sealed class StatementTimeoutApiFactory : UserPoolApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:ReadStatementTimeoutMilliseconds"] = "1",
        ["Database:MaxPoolSize"] = "2",
    };
}

[CollectionDefinition(Name)]
public sealed class NoisyNeighbourCollection
{
    public const string Name = "noisy neighbours";
}
