using System.Diagnostics;
using System.Net;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Notifications;

namespace UserPool.Api.Tests.Observability;

/// <summary>A slow request can be followed to its SQL: the request's server span has the batch's statements as child spans.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TracingTests(TelemetryApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateBatchRequestSpan_HasNpgsqlChildSpans_AndSaysWhatItCarried()
    {
        using var client = api.CreateSignedClient();
        // The caller's trace context, so this request's spans are told apart from other servers' of the test run.
        var traceId = ActivityTraceId.CreateRandom();
        var request = client.Sign(HttpMethod.Post, "/api/v3/create-users-batch",
            """{"list":[{"email":"traced@example.com"},{"username":"traced"}]}""");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Activity? server = null;
        await Eventually.UntilAsync(() => (server = Ours(traceId).FirstOrDefault(a => a.Kind == ActivityKind.Server)) is not null,
            "the request's server span");
        Assert.Equal("Microsoft.AspNetCore", server!.Source.Name);
        Assert.Equal("/api/v3/create-users-batch", server.GetTagItem("http.route"));
        Assert.Equal(2, server.GetTagItem("userpool.batch.items"));
        Assert.Equal("success", server.GetTagItem("userpool.batch.outcome"));
        var sql = Ours(traceId).Where(a => a.Source.Name == "Npgsql" && a.ParentSpanId == server.SpanId).ToList();
        Assert.NotEmpty(sql);
        Assert.All(sql, span => Assert.Equal(ActivityKind.Client, span.Kind));
        // The statements carry their text, never the batch's values.
        Assert.DoesNotContain(sql, span => (span.GetTagItem("db.query.text") as string ?? "").Contains("traced@example.com"));
    }

    private IEnumerable<Activity> Ours(ActivityTraceId traceId) => api.Spans.Where(a => a.TraceId == traceId);
}
