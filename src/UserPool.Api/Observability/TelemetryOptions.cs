namespace UserPool.Api.Observability;

/// <summary>Settings of the server's metrics and traces (section "Telemetry").</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The standard OpenTelemetry variable: set, traces, metrics and logs are exported over OTLP to it.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Whether the OpenTelemetry pipelines (trace and metric collection, the OpenTelemetry log provider) run. Unset,
    /// they run exactly when <see cref="OtlpEndpointVariable"/> is set: without an exporter nobody would read them, and
    /// an active trace listener costs an activity per request and per SQL command. The instruments record either way
    /// (dotnet-counters reads them without any exporter).
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Adds the user pool's id as the label <c>userpool.pool_id</c> to the batch instruments. Off by default: a label
    /// per pool makes a time series per pool, which a metrics backend pays for once per pool.
    /// </summary>
    public bool PoolIdLabel { get; set; }
}
