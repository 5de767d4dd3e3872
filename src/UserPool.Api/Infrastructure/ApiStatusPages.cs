namespace UserPool.Api.Infrastructure;

/// <summary>
/// Routing answers such as 404 (unknown path), 405 (wrong method) and 415 have no body of their own;
/// they get the envelope like every other answer, under /api/v3 or not: an SDK decoding an empty body crashes.
/// </summary>
public static class ApiStatusPages
{
    public const string ApiPrefix = "/api/v3";

    public static IApplicationBuilder UseApiStatusPages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            var message = status switch
            {
                404 => $"No such endpoint: {http.Request.Method} {http.Request.Path}",
                405 => $"Method {http.Request.Method} is not allowed on {http.Request.Path}",
                408 => ApiExceptionHandler.BodyTooSlowMessage,
                413 => ApiExceptionHandler.BodyTooLargeMessage,
                415 => "Content-Type must be application/json",
                _ => "Request failed",
            };
            var writer = http.RequestServices.GetRequiredService<EnvelopeWriter>();
            await writer.WriteAsync(http, status, message);
        });
}
