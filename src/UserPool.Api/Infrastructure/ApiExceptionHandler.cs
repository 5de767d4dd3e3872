using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace UserPool.Api.Infrastructure;

/// <summary>
/// The one place exceptions become answers. Expected failures carry their own envelope; a malformed or
/// oversized body names where it went wrong; a unique or foreign-key violation is a 409 (see DatabaseConflicts); an unavailable database is a 503; anything else is a 500
/// that shows the request id and nothing of the internals.
/// </summary>
public sealed class ApiExceptionHandler(EnvelopeWriter writer, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public const string BodyTooLargeMessage = "Request body is larger than the server accepts";
    public const string BodyTooSlowMessage = "The request body arrived too slowly";
    public const string UnavailableMessage = "The service is temporarily unavailable, please retry";
    public const string ReadTimeoutMessage = "The query took longer than the server allows; retry later or narrow the search";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
        {
            return false;
        }

        switch (exception)
        {
            case ApiException api:
                await writer.WriteAsync(context, api);
                return true;
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                await writer.WriteAsync(context, 413, BodyTooLargeMessage);
                return true;
            case BadHttpRequestException { InnerException: JsonFieldException field }:
                await WriteAsync(context, field);
                return true;
            case JsonFieldException field:
                await WriteAsync(context, field);
                return true;
            case BadHttpRequestException { InnerException: JsonException json }:
                await writer.WriteAsync(context, 400, DescribeJsonError(json));
                return true;
            case BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout }:
                // Kestrel's MinRequestBodyDataRate: the client stopped sending its body.
                await writer.WriteAsync(context, 408, BodyTooSlowMessage);
                return true;
            case BadHttpRequestException bad:
                await writer.WriteAsync(context, 400, bad.Message);
                return true;
            case JsonException json:
                await writer.WriteAsync(context, 400, DescribeJsonError(json));
                return true;
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return true;
        }

        if (DatabaseConflicts.ToAnswer(exception) is { } conflict)
        {
            // A concurrent request won a race the handler's own check could not see; the constraint names the field.
            logger.LogInformation("Write refused by constraint {Constraint}, answered 409", DatabaseConflicts.ConstraintOf(exception));
            await writer.WriteAsync(context, conflict);
            return true;
        }

        if (DatabaseFaults.IsStatementTimeout(exception))
        {
            // The read's own statement_timeout (the client did not hang up): an overloaded or too broad search.
            logger.LogWarning("Read over its statement timeout, answered 503");
            EnvelopeWriter.SetRetryAfter(context, DatabaseFaults.RetryAfter);
            await writer.WriteAsync(context, 503, ReadTimeoutMessage);
            return true;
        }

        if (DatabaseFaults.IsUnavailable(exception))
        {
            // One line per refused request: during an outage a stack trace each would drown the log.
            // This also answers a request that found no pooled connection free within the connection wait.
            logger.LogWarning("Database unavailable, answered 503: {Reason}", exception.GetBaseException().Message);
            EnvelopeWriter.SetRetryAfter(context, DatabaseFaults.RetryAfter);
            await writer.WriteAsync(context, 503, UnavailableMessage);
            return true;
        }

        logger.LogError(exception, "Unhandled fault");
        await writer.WriteAsync(context, 500, $"Internal server error (request id {context.TraceIdentifier})");
        return true;
    }

    /// <summary>An unknown key or a field in both spellings: a 400 naming its path, in the language the client asked for
    /// (read from the header: the language middleware's value does not flow back out to this handler).</summary>
    private Task WriteAsync(HttpContext context, JsonFieldException field)
    {
        var english = RequestLanguage.Normalize(context.Request.Headers[RequestLanguage.Header]) == RequestLanguage.English;
        var error = field.ToItemError(english);
        return writer.WriteAsync(context, 400, error.Message, errors: [error]);
    }

    /// <summary>System.Text.Json's messages name the .NET type; keep only the JSON path and position.</summary>
    private static string DescribeJsonError(JsonException json)
    {
        var where = string.IsNullOrEmpty(json.Path) ? "the body" : json.Path;
        var position = json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : "";
        return $"Invalid JSON at {where}{position}";
    }
}

internal static class DatabaseFaults
{
    /// <summary>Retry-After of a 503: a busy pool or a restarting database is usually back within seconds.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>statement_timeout fired. A cancellation the client caused arrives wrapped in OperationCanceledException.</summary>
    public static bool IsStatementTimeout(Exception exception) => exception switch
    {
        OperationCanceledException => false,
        PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } => true,
        { InnerException: { } inner } => IsStatementTimeout(inner),
        _ => false,
    };

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => true,
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.TooManyConnections } => true,
        TimeoutException => true,
        { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };

    /// <summary>
    /// PostgreSQL aborted the transaction to break a deadlock (40P01) or a serialization conflict (40001): nothing
    /// of it remains, and running it again is safe and normally succeeds once the other transaction has ended.
    /// </summary>
    public static bool IsLockConflict(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } => true,
        { InnerException: { } inner } => IsLockConflict(inner),
        _ => false,
    };
}
