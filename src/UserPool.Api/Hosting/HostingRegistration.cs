using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace UserPool.Api.Hosting;

public static class HostingRegistration
{
    public static WebApplicationBuilder AddUserPoolHosting(this WebApplicationBuilder builder)
    {
        // ICU is loaded (for the key normalizer's NFC and IDNA), but numbers, dates and texts must not follow the host's locale.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        builder.Services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddSingleton<FirstPoolBootstrap>();
        builder.Services.AddScoped<PoolProvisioner>();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
