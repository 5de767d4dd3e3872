using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using UserPool.Api.Data.Entities;
using UserPool.Api.Observability;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Observability;

/// <summary>What the settings switch: the pipelines without an endpoint, the pool id label.</summary>
public sealed class TelemetrySwitchTests
{
    [Fact]
    public async Task WithoutAnOtlpEndpoint_NoTraceOrMetricPipelineRuns()
    {
        // The test factory's defaults: no OTEL_EXPORTER_OTLP_ENDPOINT, Telemetry:Enabled unset.
        await using var plain = new UserPoolApiFactory();
        await plain.InitializeAsync();

        Assert.Null(plain.Services.GetService<TracerProvider>());
        Assert.Null(plain.Services.GetService<MeterProvider>());
        Assert.NotNull(plain.Services.GetService<UserPoolMetrics>());
    }

    [Fact]
    public void PoolIdLabel_WhenSwitchedOn_LabelsTheBatchInstrumentsWithThePool()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var labelled = new List<(string Instrument, string? PoolId)>();
        using var listener = new MeterListener();
        // Only this test's meter: other servers of the run have meters of the same name.
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => labelled.Add((i.Name, PoolIdOf(tags))));
        listener.SetMeasurementEventCallback<int>((i, _, tags, _) => labelled.Add((i.Name, PoolIdOf(tags))));
        listener.SetMeasurementEventCallback<double>((i, _, tags, _) => labelled.Add((i.Name, PoolIdOf(tags))));
        listener.Start();
        var metrics = new UserPoolMetrics(meters, Options.Create(new TelemetryOptions { PoolIdLabel = true }));

        metrics.RecordBatch(BatchOperations.Create, AccountKind.User, "pool-label-test", 3, BatchOutcomes.Success, 0.01, 3);

        Assert.Contains((MetricNames.AccountsCreated, "pool-label-test"), labelled);
        Assert.Contains((MetricNames.BatchSize, "pool-label-test"), labelled);
        Assert.Contains((MetricNames.BatchDuration, "pool-label-test"), labelled);
    }

    private static string? PoolIdOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == MetricNames.PoolIdLabel)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
