using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserPool.Api.Observability;

namespace UserPool.Api.Tests.Observability;

/// <summary>The server's instruments on a meter factory of their own, for classes a test builds without a host.</summary>
public static class UnobservedMetrics
{
    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static UserPoolMetrics Create(TelemetryOptions? options = null) => new(Meters, Options.Create(options ?? new TelemetryOptions()));
}
