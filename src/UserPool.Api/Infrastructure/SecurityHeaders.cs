namespace UserPool.Api.Infrastructure;

/// <summary>
/// Headers on every answer: no MIME sniffing, no framing (X-Frame-Options for old browsers, frame-ancestors for
/// new ones), and a Content-Security-Policy. API answers are JSON and need nothing; Swagger UI's page loads its
/// scripts and styles from /swagger (no inline script), sets inline styles, shows data: images and calls the API
/// on the same origin.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string SwaggerUiPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static string PolicyFor(PathString path) => path.StartsWithSegments("/swagger") ? SwaggerUiPolicy : ApiPolicy;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set as the response starts: the exception handler clears headers before it writes an error.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = PolicyFor(context.Request.Path);
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
