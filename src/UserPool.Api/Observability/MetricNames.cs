namespace UserPool.Api.Observability;

/// <summary>The names of the server's instruments and labels, and the fixed values some labels take (README lists them).</summary>
public static class MetricNames
{
    public const string AccountsCreated = "userpool.accounts.created";
    public const string BatchSize = "userpool.batch.size";
    public const string BatchDuration = "userpool.batch.duration";
    public const string HashingQueued = "userpool.hashing.queued";
    public const string HashingWait = "userpool.hashing.wait";
    public const string OutboxMessages = "userpool.outbox.messages";
    public const string AuthenticationFailures = "userpool.authentication.failures";
    public const string RateLimitRefusals = "userpool.rate_limit.refusals";

    public const string KindLabel = "kind";
    public const string OperationLabel = "operation";
    public const string OutcomeLabel = "outcome";
    public const string PoolIdLabel = "pool_id";
    public const string ReasonLabel = "reason";
    public const string LimiterLabel = "limiter";
    public const string StatusLabel = "status";
}

/// <summary>Which limiter answered 429: the value of the <c>limiter</c> label.</summary>
public static class Limiters
{
    /// <summary>Security:RateLimitPerSecond, requests of one pool.</summary>
    public const string PoolRequests = "pool_requests";

    /// <summary>Security:AnonymousRateLimitPerSecond, unauthenticated requests of one client address.</summary>
    public const string AddressRequests = "address_requests";

    /// <summary>FailedAuthentication:*, a client that kept failing to authenticate.</summary>
    public const string FailedAuthentications = "failed_authentications";

    /// <summary>Passwords:MaxQueuedHashingSeconds, a pool with too much hashing queued.</summary>
    public const string PasswordHashing = "password_hashing";

    /// <summary>Database:ReadConcurrencyPerPool and its queue, too many reads of one pool at once.</summary>
    public const string PoolReads = "pool_reads";
}
