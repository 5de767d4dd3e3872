using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Notifications;

namespace UserPool.Api.Tests.Observability;

/// <summary>
/// The real server with its OpenTelemetry pipelines on (Telemetry:Enabled, no OTLP endpoint) and in-memory exporters
/// added to them, every log line captured, anonymous requests limited to one a second and outbox counts never reused.
/// Tests compare totals before and after their own requests, and find their spans by their own trace id.
/// </summary>
public sealed class TelemetryApiFactory : UserPoolApiFactory
{
    public const int AnonymousLimit = 1;

    private readonly List<MetricSnapshot> _metrics = [];

    public ConcurrentQueue<Activity> Spans { get; } = new();
    public CapturedLogs Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Telemetry:Enabled"] = "true",
        ["Security:AnonymousRateLimitPerSecond"] = AnonymousLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:StatusCacheDuration"] = "00:00:00",
    };

    /// <summary>Collects every metric now (cumulative since start) and returns what was exported.</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        lock (_metrics)
        {
            _metrics.Clear();
            Assert.True(Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "the metrics were not collected");
            return _metrics.ToList();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Information));
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new QueueCollection(Spans)));
        });
    }

    /// <summary>The exporter adds from the thread that ends a span; a concurrent queue takes that safely.</summary>
    private sealed class QueueCollection(ConcurrentQueue<Activity> queue) : ICollection<Activity>
    {
        public int Count => queue.Count;
        public bool IsReadOnly => false;
        public void Add(Activity item) => queue.Enqueue(item);
        public void Clear() => queue.Clear();
        public bool Contains(Activity item) => queue.Contains(item);
        public void CopyTo(Activity[] array, int arrayIndex) => queue.CopyTo(array, arrayIndex);
        public bool Remove(Activity item) => throw new NotSupportedException();
        public IEnumerator<Activity> GetEnumerator() => queue.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>
/// Run alone, after the parallel collections: the OpenTelemetry SDK merges same-named instruments of every server in
/// the process into one stream and drops that stream when any of those servers stops, so a server stopping elsewhere
/// during these tests would silence this one's measurements. Alone, this server's are the only ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryApiFactory>
{
    public const string Name = "telemetry";
}
