using UserPool.Api.Infrastructure;

namespace UserPool.Api.Security;

/// <summary>
/// Why a request was not authenticated, answered as a 401 envelope. Texts never say whether an access key
/// exists: an unknown key and a wrong signature read the same.
/// </summary>
public sealed record AuthFailure(string Message, int? ApiCode = null)
{
    public static readonly AuthFailure MissingCredentials = new(
        "Missing credentials: sign the request (Node SDK) or send a management token with x-authing-userpool-id");
    // Only failures that cost the server a key lookup and a MAC count against FailedAuthentications; a replayed
    // nonce, an expired token or a wrong pool header come with a genuine signature.
    public static readonly AuthFailure InvalidSignature = new("Invalid signature", SignatureApiCodes.InvalidSignature) { CountsAsFailedAttempt = true };
    public static readonly AuthFailure MethodMismatch = new("x-authing-signature-method must be HMAC-SHA1", SignatureApiCodes.SignatureMethodMismatch);
    public static readonly AuthFailure VersionMismatch = new("x-authing-signature-version must be 1.0", SignatureApiCodes.SignatureVersionMismatch);
    public static readonly AuthFailure MissingNonce = new("Missing x-authing-signature-nonce", SignatureApiCodes.InvalidSignature);
    public static readonly AuthFailure Replayed = new("Signature already used", SignatureApiCodes.SignatureAlreadyUsed);
    public static readonly AuthFailure InvalidToken = new("Invalid management token") { CountsAsFailedAttempt = true };
    public static readonly AuthFailure ExpiredToken = new("Management token expired; request a new one");
    public static readonly AuthFailure PoolMismatch = new("x-authing-userpool-id is missing or does not match the token");

    /// <summary>Too many failed authentications from this client (for this key): HTTP 429 with Retry-After.</summary>
    public static AuthFailure Throttled(TimeSpan retryAfter) => new(RateLimits.ThrottledMessage) { RetryAfter = retryAfter };

    public bool CountsAsFailedAttempt { get; private init; }

    public TimeSpan? RetryAfter { get; private init; }

    public static AuthFailure ForDate(int? apiCode) => apiCode switch
    {
        SignatureApiCodes.MissingDateHeader => new("Missing date header", apiCode),
        SignatureApiCodes.InvalidTimestampFormat => new("Invalid date header format", apiCode),
        _ => new("Request date is too far from the server clock", apiCode),
    };

    private const string ItemKey = "userpool.auth-failure";

    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;

    public static AuthFailure Of(HttpContext context) => context.Items[ItemKey] as AuthFailure ?? MissingCredentials;

    public Task WriteAsync(HttpContext context) => RetryAfter is { } wait
        ? ThrottledResult.WriteAsync(context, wait)
        : context.RequestServices.GetRequiredService<EnvelopeWriter>().WriteAsync(context, 401, Message, ApiCode);
}
