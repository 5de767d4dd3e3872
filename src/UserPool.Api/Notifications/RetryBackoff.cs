namespace UserPool.Api.Notifications;

/// <summary>Exponential backoff with a cap and jitter, so failed messages of one batch do not retry in lockstep.</summary>
public static class RetryBackoff
{
    public const double MaxJitter = 0.2;

    /// <param name="failedAttempts">Failures so far, 1 after the first.</param>
    /// <param name="jitter">A number in [0, 1): how much of <see cref="MaxJitter"/> to add.</param>
    public static TimeSpan Delay(int failedAttempts, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        var doublings = Math.Clamp(failedAttempts - 1, 0, 40);
        var nominal = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, doublings), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(nominal * (1 + MaxJitter * Math.Clamp(jitter, 0, 1)));
    }

    public static TimeSpan Delay(int failedAttempts, NotificationOptions options) =>
        Delay(failedAttempts, options.BaseRetryDelay, options.MaxRetryDelay, Random.Shared.NextDouble());
}
