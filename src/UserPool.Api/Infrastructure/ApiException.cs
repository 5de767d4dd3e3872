namespace UserPool.Api.Infrastructure;

/// <summary>
/// An expected failure answered with the envelope. The central handler writes it; nothing of the
/// request has been committed when it is thrown.
/// </summary>
public sealed class ApiException(int statusCode, string message, int? apiCode = null, IReadOnlyList<ItemError>? errors = null)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public int? ApiCode { get; } = apiCode;
    public IReadOnlyList<ItemError>? Errors { get; } = errors;

    /// <summary>Sent as the Retry-After header (whole seconds, at least one).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static ApiException BadRequest(string message, IReadOnlyList<ItemError>? errors = null) => new(400, message, null, errors);
    public static ApiException NotFound(string message, int? apiCode = null) => new(404, message, apiCode);
    public static ApiException Unauthorized(string message, int? apiCode = null) => new(401, message, apiCode);
    public static ApiException TooManyRequests(string message, TimeSpan retryAfter) => new(429, message) { RetryAfter = retryAfter };
    public static ApiException Unavailable(string message, TimeSpan retryAfter) => new(503, message) { RetryAfter = retryAfter };
    public static ApiException Conflict(string message, int? apiCode, IReadOnlyList<ItemError> errors) => new(409, message, apiCode, errors);
}
