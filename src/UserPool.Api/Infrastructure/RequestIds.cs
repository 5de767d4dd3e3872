namespace UserPool.Api.Infrastructure;

/// <summary>
/// Gives every request an id (24-hex, like Authing's) that appears in the x-request-id header, in error
/// envelopes and — through ASP.NET Core's "RequestId" logging scope — in every log line of the request.
/// </summary>
public static class RequestIds
{
    public const string Header = "x-request-id";

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.TraceIdentifier = ObjectIds.New();
            // Set as the response starts: the exception handler clears headers before it writes an error.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = context.TraceIdentifier;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
