using System.Globalization;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Security;

/// <summary>HTTP 429 with Retry-After (whole seconds, at least 1) and the envelope: every limiter answers this way.</summary>
public sealed class ThrottledResult(TimeSpan retryAfter) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, retryAfter);

    public static Task WriteAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return context.RequestServices.GetRequiredService<EnvelopeWriter>().WriteAsync(context, 429, RateLimits.ThrottledMessage);
    }
}
