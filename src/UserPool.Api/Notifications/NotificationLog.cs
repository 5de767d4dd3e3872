namespace UserPool.Api.Notifications;

/// <summary>
/// Every log line of the notifications feature. None takes a password, a message body or a recipient:
/// ids, channels, counts and sanitised errors only.
/// </summary>
internal static partial class NotificationLog
{
    [LoggerMessage(LogLevel.Information, "Notification dispatcher started: {EmailState}; {SmsState}")]
    public static partial void DispatcherStarted(ILogger logger, string emailState, string smsState);

    [LoggerMessage(LogLevel.Information, "Notification batch: {Claimed} claimed, {Sent} sent, {Retried} to retry, {Dead} dead, {Released} released")]
    public static partial void BatchDone(ILogger logger, int claimed, int sent, int retried, int dead, int released);

    [LoggerMessage(LogLevel.Debug, "Notification {MessageId} sent by {Channel} on attempt {Attempt}")]
    public static partial void Sent(ILogger logger, string messageId, string channel, int attempt);

    [LoggerMessage(LogLevel.Warning, "Notification {MessageId} by {Channel}: attempt {Attempt} of {MaxAttempts} failed, next in {RetryDelay}: {Error}")]
    public static partial void Retrying(ILogger logger, string messageId, string channel, int attempt, int maxAttempts, TimeSpan retryDelay, string error);

    [LoggerMessage(LogLevel.Error, "Notification {MessageId} by {Channel} is dead after {Attempts} attempt(s): {Error}")]
    public static partial void Dead(ILogger logger, string messageId, string channel, int attempts, string error);

    [LoggerMessage(LogLevel.Warning, "Notification dispatch failed; next try in {Delay}")]
    public static partial void DispatchFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(LogLevel.Information,
        "Notifications since start: {Sent} sent, {Retried} retried, {Dead} dead; outbox: {Pending} pending ({Due} due), {SentTotal} sent, {DeadTotal} dead")]
    public static partial void Stats(ILogger logger, long sent, long retried, long dead, long pending, long due, long sentTotal, long deadTotal);

    [LoggerMessage(LogLevel.Warning, "Notification counts unavailable: {Reason}")]
    public static partial void StatsUnavailable(ILogger logger, string reason);
}
