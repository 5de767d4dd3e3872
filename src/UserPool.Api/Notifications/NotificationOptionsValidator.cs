using Microsoft.Extensions.Options;
using MimeKit;

namespace UserPool.Api.Notifications;

/// <summary>Refuses settings that would lose or duplicate messages, so the server fails at start-up rather than at the first send.</summary>
public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public const int MinSigningSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var failures = new List<string>();
        void Require(bool condition, string message)
        {
            if (!condition)
            {
                failures.Add($"{NotificationOptions.Section}: {message}");
            }
        }

        Require(options.MaxAttempts is >= 1 and <= 100, "MaxAttempts must be between 1 and 100");
        Require(options.BaseRetryDelay > TimeSpan.Zero, "BaseRetryDelay must be positive");
        Require(options.MaxRetryDelay >= options.BaseRetryDelay, "MaxRetryDelay must not be shorter than BaseRetryDelay");
        Require(options.PollInterval >= TimeSpan.FromMilliseconds(10), "PollInterval must be at least 10 ms");
        Require(options.BatchSize is >= 1 and <= 1000, "BatchSize must be between 1 and 1000");
        Require(options.MaxParallelSends is >= 1 and <= 64, "MaxParallelSends must be between 1 and 64");
        Require(options.SendTimeout > TimeSpan.Zero, "SendTimeout must be positive");
        Require(options.StatsLogInterval > TimeSpan.Zero, "StatsLogInterval must be positive");
        Require(options.OutboxRetention >= TimeSpan.FromHours(1), "OutboxRetention must be at least one hour");
        Require(options.StatusCacheDuration >= TimeSpan.Zero, "StatusCacheDuration must not be negative");
        Require(options.ClaimLease >= options.WorstCaseBatchDuration,
            $"ClaimLease must be at least SendTimeout × ceil(BatchSize / MaxParallelSends) = {options.WorstCaseBatchDuration}, " +
            "or a slow batch could be claimed and sent twice");
        Require(options.DefaultLoginUrl is null or "" || IsAbsoluteHttpUrl(options.DefaultLoginUrl), "DefaultLoginUrl must be an absolute http(s) URL");
        foreach (var (appId, url) in options.LoginUrls)
        {
            Require(IsAbsoluteHttpUrl(url), $"LoginUrls:{appId} must be an absolute http(s) URL");
        }

        if (options.Smtp.IsConfigured)
        {
            Require(options.Smtp.Port is >= 1 and <= 65535, "Smtp:Port must be between 1 and 65535");
            Require(MailboxAddress.TryParse(options.Smtp.From ?? "", out _), "Smtp:From must be an e-mail address such as \"UserPool <no-reply@example.com>\"");
            Require(string.IsNullOrEmpty(options.Smtp.Username) == string.IsNullOrEmpty(options.Smtp.Password),
                "Smtp:Username and Smtp:Password go together");
        }

        if (options.Sms.IsConfigured)
        {
            Require(IsAbsoluteHttpUrl(options.Sms.WebhookUrl), "Sms:WebhookUrl must be an absolute http(s) URL");
            Require((options.Sms.SigningSecret?.Length ?? 0) >= MinSigningSecretLength,
                $"Sms:SigningSecret must be set (at least {MinSigningSecretLength} characters) when Sms:WebhookUrl is");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
