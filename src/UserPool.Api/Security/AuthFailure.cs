using UserPool.Api.Infrastructure;

namespace UserPool.Api.Security;

/// <summary>
/// Why a request was not authenticated, answered as a 401 envelope. Texts never say whether an access key
/// exists: an unknown key and a wrong signature read the same.
/// </summary>
public sealed record AuthFailure(string Message, int? ApiCode = null)
{
    public static readonly AuthFailure MissingCredentials = new(
        "Missing credentials: sign the request (Node SDK) or send a management token with x-authing-userpool-id") { Reason = "missing_credentials" };
    // Only failures that cost the server a key lookup and a MAC count against FailedAuthentications; a replayed
    // nonce, an expired token or a wrong pool header come with a genuine signature.
    public static readonly AuthFailure InvalidSignature = new("Invalid signature", SignatureApiCodes.InvalidSignature) { CountsAsFailedAttempt = true, Reason = "invalid_signature" };
    public static readonly AuthFailure MethodMismatch = new("x-authing-signature-method must be HMAC-SHA1", SignatureApiCodes.SignatureMethodMismatch) { Reason = "signature_method" };
    public static readonly AuthFailure VersionMismatch = new("x-authing-signature-version must be 1.0", SignatureApiCodes.SignatureVersionMismatch) { Reason = "signature_version" };
    public static readonly AuthFailure MissingNonce = new("Missing x-authing-signature-nonce", SignatureApiCodes.InvalidSignature) { Reason = "missing_nonce" };
    public static readonly AuthFailure Replayed = new("Signature already used", SignatureApiCodes.SignatureAlreadyUsed) { Reason = "replayed_signature" };
    public static readonly AuthFailure InvalidToken = new("Invalid management token") { CountsAsFailedAttempt = true, Reason = "invalid_token" };
    public static readonly AuthFailure ExpiredToken = new("Management token expired; request a new one") { Reason = "expired_token" };
    public static readonly AuthFailure PoolMismatch = new("x-authing-userpool-id is missing or does not match the token") { Reason = "pool_mismatch" };

    /// <summary>Too many failed authentications from this client (for this key): HTTP 429 with Retry-After.</summary>
    public static AuthFailure Throttled(TimeSpan retryAfter) => new(RateLimits.ThrottledMessage) { RetryAfter = retryAfter, Reason = "throttled" };

    /// <summary>get-management-token's failure: an unknown access key id or a wrong secret (the answer does not say which).</summary>
    public const string InvalidAccessKeyReason = "invalid_access_key";

    public bool CountsAsFailedAttempt { get; private init; }

    /// <summary>A fixed, short name of the failure: the <c>reason</c> label of userpool.authentication.failures.</summary>
    public string Reason { get; private init; } = "other";

    /// <summary>A throttled request is counted as a refusal (limiter failed_authentications), not as a failure of its own.</summary>
    public bool IsThrottled => RetryAfter is not null;

    public TimeSpan? RetryAfter { get; private init; }

    public static AuthFailure ForDate(int? apiCode) => apiCode switch
    {
        SignatureApiCodes.MissingDateHeader => new("Missing date header", apiCode) { Reason = "missing_date" },
        SignatureApiCodes.InvalidTimestampFormat => new("Invalid date header format", apiCode) { Reason = "invalid_date" },
        _ => new("Request date is too far from the server clock", apiCode) { Reason = "stale_date" },
    };

    private const string ItemKey = "userpool.auth-failure";

    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;

    public static AuthFailure Of(HttpContext context) => context.Items[ItemKey] as AuthFailure ?? MissingCredentials;

    public Task WriteAsync(HttpContext context) => RetryAfter is { } wait
        ? ThrottledResult.WriteAsync(context, wait)
        : context.RequestServices.GetRequiredService<EnvelopeWriter>().WriteAsync(context, 401, Message, ApiCode);
}
