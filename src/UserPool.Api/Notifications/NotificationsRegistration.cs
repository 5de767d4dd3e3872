using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace UserPool.Api.Notifications;

public static class NotificationsRegistration
{
    public const string StatusPath = "/health/notifications";

    public static WebApplicationBuilder AddUserPoolNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.AddHttpClient(SmsWebhookSender.HttpClientName, (provider, http) =>
                http.Timeout = provider.GetRequiredService<IOptionsMonitor<NotificationOptions>>().CurrentValue.SendTimeout)
            // A signed POST is not replayed to wherever a redirect points.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<INotificationSender, EmailSender>();
        services.AddSingleton<INotificationSender, SmsWebhookSender>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxProcessor>();
        services.AddSingleton<NotificationMetrics>();
        services.AddSingleton<NotificationStatusReader>();
        services.AddHostedService<OutboxPruner>();
        if (builder.Configuration.GetSection(NotificationOptions.Section).GetValue(nameof(NotificationOptions.DispatcherEnabled), true))
        {
            services.AddHostedService<NotificationDispatcher>();
        }

        return builder;
    }

    /// <summary>GET /health/notifications: counters since start, outbox counts by status, channel configuration. No secrets, no recipients.</summary>
    public static IEndpointRouteBuilder MapNotificationStatus(this IEndpointRouteBuilder app)
    {
        app.MapGet(StatusPath, GetStatusAsync)
            .WithName("GetNotificationStatus")
            .WithSummary("Notification delivery status")
            .WithDescription("Messages sent, retried and dead since this instance started, the outbox's messages by status " +
                "across all pools, and whether e-mail and SMS are configured. Anonymous, like the other /health endpoints; the " +
                "outbox counts are reused for Notifications:StatusCacheDuration (10 s), so probes cannot load the database.")
            .WithTags("Health")
            .AllowAnonymous();
        return app;
    }

    private static async Task<Ok<NotificationStatus>> GetStatusAsync(NotificationStatusReader status, CancellationToken ct) =>
        TypedResults.Ok(await status.ReadAsync(ct));
}
