using System.Text.RegularExpressions;

namespace UserPool.Api.Infrastructure;

/// <summary>
/// Repeated slashes in a path are one: a client whose host setting ends in '/' requests
/// <c>//api/v3/get-management-token</c>, and gets the endpoint instead of a 404.
/// </summary>
public static partial class RequestPaths
{
    private const string AsSentKey = "userpool.path-as-sent";

    public static IApplicationBuilder UseSingleSlashPaths(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value;
            if (path is not null && path.Contains("//", StringComparison.Ordinal))
            {
                context.Items[AsSentKey] = path;
                context.Request.Path = new PathString(RepeatedSlashes().Replace(path, "/"));
            }

            return next(context);
        });

    /// <summary>The path as the client sent it, when it held repeated slashes; null otherwise.</summary>
    public static string? AsSent(HttpContext context) => context.Items[AsSentKey] as string;

    [GeneratedRegex("/{2,}")]
    private static partial Regex RepeatedSlashes();
}
