using Microsoft.Extensions.Options;

namespace UserPool.Api.Infrastructure;

/// <summary>
/// Writes error envelopes. Business errors (4xx) travel with HTTP 200 as Authing does, because the Node
/// SDK (axios) throws on any non-2xx status; rate limiting (429) and server faults (5xx) keep their real
/// status so proxies, retries and monitoring see them.
/// </summary>
public sealed class EnvelopeWriter(IOptions<ApiOptions> options)
{
    public int HttpStatusFor(int statusCode) =>
        statusCode is 429 or >= 500 || options.Value.MirrorStatusCodeInHttpStatus ? statusCode : StatusCodes.Status200OK;

    public Task WriteAsync(HttpContext context, ApiException error)
    {
        if (error.RetryAfter is { } wait)
        {
            SetRetryAfter(context, wait);
        }

        return WriteAsync(context, error.StatusCode, error.Message, error.ApiCode, error.Errors);
    }

    /// <summary>Retry-After in whole seconds, rounded up and at least one.</summary>
    public static void SetRetryAfter(HttpContext context, TimeSpan wait) =>
        context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task WriteAsync(
        HttpContext context, int statusCode, string message, int? apiCode = null, IReadOnlyList<ItemError>? errors = null)
    {
        var envelope = new ErrorEnvelope(statusCode, message, apiCode, context.TraceIdentifier) { Errors = errors };
        context.Response.StatusCode = HttpStatusFor(statusCode);
        await context.Response.WriteAsJsonAsync(envelope, JsonDefaults.Options, context.RequestAborted);
    }
}
