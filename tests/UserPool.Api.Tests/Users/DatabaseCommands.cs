using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Users;

/// <summary>
/// The database statements of one request, and of it alone. The request goes out with a trace context of its own (a
/// traceparent header); the server's span of the request continues that trace and each Npgsql command the request
/// runs is its child, so the server's background work (NoncePruner, TransportKeyRefresher, IdempotencyPruner,
/// OutboxPruner, NotificationDispatcher), the test's own SQL and other tests' requests, all in other traces, are never
/// counted. The statements are read once the server's span has ended: none of the request's is still running.
/// <para>
/// Left out even in the request's trace: authentication's clock-driven bookkeeping. The access-key cache reloads the
/// key (access_keys, and the data-protection key ring its secret is decrypted with) when its entry has expired, and
/// <c>AccessKeyUsage</c> writes last_used_at at most once a minute; whether a request runs them depends on when it
/// comes, not on what it asks. So are physical connection opens, which depend on the pool. The signature's nonce,
/// which every signed request stores, is counted.
/// </para>
/// </summary>
public sealed partial class DatabaseCommands : IDisposable
{
    /// <summary>Only a ceiling for a server that never ends its span: it ends right after the answer is written.</summary>
    private static readonly TimeSpan RequestEndLimit = TimeSpan.FromMinutes(1);

    private readonly ActivityTraceId _traceId = ActivityTraceId.CreateRandom();
    private readonly ConcurrentQueue<string> _statements = new();
    private readonly TaskCompletionSource _requestEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActivityListener _listener;

    private DatabaseCommands()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            // Recording this trace makes sure the server creates its request span (the statements' parent) whatever
            // else listens; other traces are left to whoever else listens, as if this listener were not there.
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent.TraceId == _traceId ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.TraceId != _traceId)
                {
                    return;
                }

                if (activity.Source.Name == "Npgsql")
                {
                    // Statements only: a physical connection open ("CONNECT db", no query text) depends on the pool's
                    // state when the request came, not on the request.
                    if (activity.GetTagItem("db.query.text") is string statement && !ClockDrivenBookkeeping().IsMatch(statement))
                    {
                        _statements.Enqueue(statement);
                    }
                }
                else if (activity.Kind == ActivityKind.Server)
                {
                    _requestEnded.TrySetResult();
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Posts a signed request and returns its answer with the statements it ran on the database.</summary>
    public static async Task<(JsonObject Envelope, IReadOnlyList<string> Statements)> OfPostAsync(SignedClient client, string path, object? body)
    {
        using var commands = new DatabaseCommands();
        using var request = client.Sign(HttpMethod.Post, path, JsonSerializer.Serialize(body, Json.Options));
        // Not signed (only date and x-authing-* headers are), so adding it leaves the signature valid.
        request.Headers.Add("traceparent", $"00-{commands._traceId}-{ActivitySpanId.CreateRandom()}-01");
        var envelope = await Envelopes.ReadAsync(await client.Http.SendAsync(request));
        try
        {
            await commands._requestEnded.Task.WaitAsync(RequestEndLimit);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The server's span of {path} never ended: its statements cannot be told complete.");
        }

        return (envelope, [.. commands._statements]);
    }

    public void Dispose() => _listener.Dispose();

    [GeneratedRegex(@"\b(access_keys|data_protection_keys)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClockDrivenBookkeeping();
}
