using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UserPool.Api.Notifications;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Notifications;

/// <summary>
/// The server with its dispatcher running against a fake SMTP server and a fake SMS gateway, with delays
/// of milliseconds and every log line captured.
/// </summary>
public class NotificationsApiFactory : UserPoolApiFactory
{
    public const string SigningSecret = "sms-webhook-signing-secret-0123456789";
    public const string AppId = "app-with-its-own-login";
    public const string AppLoginUrl = "https://app.example.test/login";
    public const string DefaultLoginUrl = "https://login.example.test/";
    public const int MaxAttempts = 4;
    public static readonly TimeSpan BaseRetryDelay = TimeSpan.FromMilliseconds(50);

    public FakeSmtpServer Smtp { get; } = FakeSmtpServer.Start();
    public FakeSmsGateway SmsGateway { get; } = FakeSmsGateway.Start();
    public CapturedLogs Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Notifications:DispatcherEnabled"] = "true",
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Notifications:Smtp:Security"] = "None",
        ["Notifications:Smtp:From"] = "UserPool Tests <no-reply@userpool.test>",
        ["Notifications:Sms:WebhookUrl"] = SmsGateway.Url,
        ["Notifications:Sms:SigningSecret"] = SigningSecret,
        [$"Notifications:LoginUrls:{AppId}"] = AppLoginUrl,
        ["Notifications:DefaultLoginUrl"] = DefaultLoginUrl,
        ["Notifications:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
        ["Notifications:BaseRetryDelay"] = BaseRetryDelay.ToString("c"),
        ["Notifications:MaxRetryDelay"] = "00:00:01",
        ["Notifications:PollInterval"] = "00:00:00.050",
        ["Notifications:BatchSize"] = "10",
        ["Notifications:MaxParallelSends"] = "2",
        ["Notifications:SendTimeout"] = "00:00:05",
        ["Notifications:ClaimLease"] = "00:01:00",
        ["Notifications:StatsLogInterval"] = "00:00:00.200",
        // The status tests read the outbox right after changing it.
        ["Notifications:StatusCacheDuration"] = "00:00:00",
    };

    public async Task<OutboxRow> OutboxRowAsync(string id)
    {
        await using var db = CreateDbContext();
        var row = db.NotificationOutbox.Single(m => m.Id == id);
        return new OutboxRow(row.Status, row.Attempts, row.NextAttemptAt, row.LastError, row.ProtectedPassword, row.SentAt);
    }

    public async Task<int> CountAsync(string status)
    {
        await using var db = CreateDbContext();
        return db.NotificationOutbox.Count(m => m.Status == status);
    }

    public async Task<OutboxRow> WaitForStatusAsync(string id, string status)
    {
        OutboxRow? row = null;
        await Eventually.UntilAsync(async () => (row = await OutboxRowAsync(id)).Status == status, $"message {id} to be {status}");
        return row!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Smtp.Dispose();
            SmsGateway.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// No hosted dispatcher: tests start, stop and run several dispatchers themselves. One lane and small
/// batches; SMS left unconfigured. No test here is about the send timeout: it is a minute, so a send the test
/// holds in the middle (a DATA reply held back) is never given up however slowly a loaded machine runs the test.
/// </summary>
public sealed class ManualDispatchApiFactory : NotificationsApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Notifications:DispatcherEnabled"] = "false",
        ["Notifications:Sms:WebhookUrl"] = "",
        ["Notifications:BatchSize"] = "5",
        ["Notifications:MaxParallelSends"] = "1",
        ["Notifications:SendTimeout"] = "00:01:00",
        // The validator wants the lease to outlast a batch of timed-out sends: 1 min × ceil(5 / 1).
        ["Notifications:ClaimLease"] = "00:05:00",
    };

    /// <summary>A fresh dispatcher on this server's services, as another instance would run; disposing stops it.</summary>
    public async Task<RunningDispatcher> StartDispatcherAsync()
    {
        var dispatcher = ActivatorUtilities.CreateInstance<NotificationDispatcher>(Services);
        await dispatcher.StartAsync(CancellationToken.None);
        return new RunningDispatcher(dispatcher);
    }
}

public sealed class RunningDispatcher(NotificationDispatcher dispatcher) : IAsyncDisposable
{
    private bool _stopped;

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await dispatcher.StopAsync(CancellationToken.None);
            dispatcher.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

public sealed record OutboxRow(string Status, int Attempts, DateTime NextAttemptAt, string? LastError, string? ProtectedPassword, DateTime? SentAt);

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsApiFactory>
{
    public const string Name = "notifications";
}

[CollectionDefinition(Name)]
public sealed class ManualDispatchCollection : ICollectionFixture<ManualDispatchApiFactory>
{
    public const string Name = "notifications-manual";
}
