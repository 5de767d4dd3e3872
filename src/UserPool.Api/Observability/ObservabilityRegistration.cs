using Npgsql;
using UserPool.Api.Notifications;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace UserPool.Api.Observability;

public static class ObservabilityRegistration
{
    public const string ServiceName = "userpool-api";

    /// <summary>
    /// The server's instruments and batch log always; the OpenTelemetry pipelines (traces of ASP.NET Core, HttpClient and
    /// Npgsql; runtime, HTTP, Npgsql and UserPool metrics; logs) when <see cref="TelemetryOptions.Enabled"/> says so, and
    /// exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads the standard OTEL_* variables).
    /// </summary>
    public static WebApplicationBuilder AddUserPoolObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        services.AddSingleton<UserPoolMetrics>();
        services.AddSingleton<BatchObserver>();
        services.AddSingleton<OutboxGauge>();
        // Observable gauges exist only once their owners do: create them at start, not at the first batch.
        services.AddHostedService<InstrumentsStartup>();

        var exporting = !string.IsNullOrWhiteSpace(builder.Configuration[TelemetryOptions.OtlpEndpointVariable]);
        var settings = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!(settings.Enabled ?? exporting))
        {
            return builder;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, names the service (the default resource reads it).
                if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService(ServiceName);
                }
            })
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                // Npgsql's ActivitySource, whichever way the data source was built.
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // Database time: the Npgsql meter (db.client.operation.duration, connection pool usage).
                .AddNpgsqlInstrumentation()
                .AddMeter(UserPoolMetrics.MeterName))
            .WithLogging(configureBuilder: null, configureOptions: logging =>
            {
                // The request's scope (its requestId) travels with each record.
                logging.IncludeScopes = true;
                logging.IncludeFormattedMessage = true;
            });
        if (exporting)
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    private sealed class InstrumentsStartup(UserPoolMetrics metrics, OutboxGauge outbox) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(metrics);
            GC.KeepAlive(outbox);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
