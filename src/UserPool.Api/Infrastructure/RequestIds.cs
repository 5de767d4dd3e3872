using Microsoft.AspNetCore.Http.Features;

namespace UserPool.Api.Infrastructure;

/// <summary>
/// Gives every request an id (24-hex, like Authing's) that appears in the x-request-id header, in error
/// envelopes and — through ASP.NET Core's "RequestId" logging scope — in every log line of the request.
/// <para>
/// The id is set where the HttpContext is created, not in a middleware: ASP.NET Core's hosting layer opens the
/// request's log scope right after creating the context and copies <see cref="HttpContext.TraceIdentifier"/> into it
/// then, before any middleware runs. A middleware could only change the id after that copy (the scope would keep
/// Kestrel's connection-based id) or open a second scope with a second RequestId, which a JSON log would show twice.
/// </para>
/// </summary>
public static class RequestIds
{
    public const string Header = "x-request-id";

    /// <summary>Replaces the default HttpContext factory with one that stamps the id on each new context.</summary>
    public static IServiceCollection AddRequestIds(this IServiceCollection services) =>
        services.AddSingleton<IHttpContextFactory>(provider => new IdStampingContextFactory(new DefaultHttpContextFactory(provider)));

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set as the response starts: the exception handler clears headers before it writes an error.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = context.TraceIdentifier;
                return Task.CompletedTask;
            });
            return next(context);
        });

    private sealed class IdStampingContextFactory(DefaultHttpContextFactory inner) : IHttpContextFactory
    {
        public HttpContext Create(IFeatureCollection featureCollection)
        {
            var context = inner.Create(featureCollection);
            context.TraceIdentifier = ObjectIds.New();
            return context;
        }

        public void Dispose(HttpContext httpContext) => inner.Dispose(httpContext);
    }
}
