namespace UserPool.Api.Notifications;

/// <summary>Settings of account notifications (section "Notifications"); checked at start-up by <see cref="NotificationOptionsValidator"/>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Runs the outbox dispatcher in this process. Off: rows stay pending for another instance.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    public SmtpOptions Smtp { get; set; } = new();

    public SmsWebhookOptions Sms { get; set; } = new();

    /// <summary>Login address per application (the request's options.appId).</summary>
    public Dictionary<string, string> LoginUrls { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The pool's login address, used when the appId has none (or the request gave no appId).</summary>
    public string? DefaultLoginUrl { get; set; }

    /// <summary>Delivery attempts before a message is dead; a claim counts as an attempt.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay after the first failure; doubled after each further one, up to <see cref="MaxRetryDelay"/>, plus up to 20 % jitter.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often an idle dispatcher looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages claimed at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Messages of a batch sent at once (each lane keeps one SMTP connection for its share).</summary>
    public int MaxParallelSends { get; set; } = 4;

    /// <summary>Longest one send may take (SMTP connect + send, or the webhook call).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a claimed message is hidden from other dispatchers. A dispatcher that dies mid-batch
    /// delivers nothing; its messages become due again when the lease runs out.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the counters are written to the log (only when something changed or is waiting).</summary>
    public TimeSpan StatsLogInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long sent and dead outbox rows are kept after their last delivery attempt; older ones are deleted.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long /health/notifications reuses its outbox counts. The counts scan the outbox; cached, any number of
    /// anonymous probes cost one count per period and server.
    /// </summary>
    public TimeSpan StatusCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    public string? LoginUrlFor(string? appId) =>
        appId is not null && LoginUrls.TryGetValue(appId, out var url) && !string.IsNullOrWhiteSpace(url) ? url : DefaultLoginUrl;

    /// <summary>The longest a batch can take when every send runs into its timeout; the lease must outlast it.</summary>
    public TimeSpan WorstCaseBatchDuration =>
        SendTimeout * Math.Ceiling(BatchSize / (double)Math.Max(1, MaxParallelSends));
}

public enum SmtpSecurity
{
    /// <summary>Plain connection, no TLS (a local relay or Mailpit).</summary>
    None,
    /// <summary>Plain connection upgraded with STARTTLS; refuses servers that cannot.</summary>
    StartTls,
    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
    /// <summary>TLS on connect for port 465, otherwise STARTTLS when the server offers it.</summary>
    Auto,
}

public sealed class SmtpOptions
{
    /// <summary>Empty: e-mail is not configured, and e-mail messages are marked dead.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. "UserPool &lt;no-reply@example.com&gt;".</summary>
    public string? From { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

public sealed class SmsWebhookOptions
{
    /// <summary>Empty: SMS is not configured, and SMS messages are marked dead.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Key of the HMAC-SHA256 body signature (UTF-8 bytes); at least 16 characters.</summary>
    public string? SigningSecret { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(WebhookUrl);
}
