namespace UserPool.Api.Notifications;

/// <summary>A delivery channel ("email", "sms").</summary>
public interface INotificationSender
{
    string Channel { get; }

    /// <summary>Why the channel cannot send (e.g. "e-mail is not configured"), or null when it can.</summary>
    string? UnavailableReason { get; }

    /// <summary>A session sends several messages in turn, reusing what it can (an SMTP connection).</summary>
    INotificationSession OpenSession();
}

public interface INotificationSession : IAsyncDisposable
{
    /// <summary>Sends one message; throws when it was not accepted.</summary>
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
