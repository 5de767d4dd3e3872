using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Notifications;

namespace UserPool.Api.Tests.Observability;

/// <summary>With OTEL_EXPORTER_OTLP_ENDPOINT set, and nothing else, the server sends traces, metrics and logs there.</summary>
public sealed class OtlpExportTests : IClassFixture<OtlpExportTests.ExportingApiFactory>
{
    private readonly ExportingApiFactory _api;

    public OtlpExportTests(ExportingApiFactory api) => _api = api;

    [Fact]
    public async Task WithTheEndpointSet_TracesMetricsAndLogsArriveOverOtlp()
    {
        using var client = _api.CreateSignedClient();
        await client.GetEnvelopeAsync("/api/v3/list-users");

        foreach (var path in new[] { "/v1/traces", "/v1/metrics", "/v1/logs" })
        {
            await Eventually.UntilAsync(() => _api.Collector.Paths.Contains(path), $"an OTLP export to {path}");
        }

        Assert.All(_api.Collector.ContentTypes, type => Assert.Equal("application/x-protobuf", type));
    }

    /// <summary>The standard variables only, with short export delays; Telemetry:Enabled is left unset.</summary>
    public sealed class ExportingApiFactory : UserPoolApiFactory
    {
        public OtlpCollector Collector { get; } = OtlpCollector.Start();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        };

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                Collector.Dispose();
            }
        }
    }
}

/// <summary>An OTLP/HTTP receiver on 127.0.0.1 that keeps the path and content type of every export and answers 200.</summary>
public sealed class OtlpCollector : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<(string Path, string? ContentType)> _exports = new();

    private OtlpCollector(HttpListener listener, int port)
    {
        _listener = listener;
        Url = $"http://127.0.0.1:{port}";
        _ = ServeAsync();
    }

    public string Url { get; }

    public IReadOnlyList<string> Paths => _exports.Select(e => e.Path).ToList();

    public IReadOnlyList<string?> ContentTypes => _exports.Select(e => e.ContentType).ToList();

    public static OtlpCollector Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            try
            {
                listener.Start();
                return new OtlpCollector(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await context.Request.InputStream.CopyToAsync(Stream.Null);
            _exports.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType));
            // An empty body is a valid (empty) export response.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
