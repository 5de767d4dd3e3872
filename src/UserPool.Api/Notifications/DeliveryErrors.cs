using MailKit.Net.Smtp;
using MailKit.Security;

namespace UserPool.Api.Notifications;

/// <summary>
/// Turns a failed send into the one-line text kept in last_error and logged: what went wrong, never a
/// secret (the generated password is cut out should a server ever echo it), at most 500 characters.
/// </summary>
public static class DeliveryErrors
{
    public const int MaxLength = 500;
    public const string Redacted = "[redacted]";

    public static string Describe(Exception exception, bool timedOut, TimeSpan timeout, string? secret)
    {
        var text = exception switch
        {
            OperationCanceledException when timedOut => $"timed out after {timeout.TotalSeconds:0.###} s",
            OperationCanceledException { InnerException: TimeoutException } => $"timed out after {timeout.TotalSeconds:0.###} s",
            SmtpCommandException smtp => $"SMTP server refused ({(int)smtp.StatusCode}, {smtp.ErrorCode}): {smtp.Message}",
            AuthenticationException => "SMTP authentication failed",
            SslHandshakeException => "TLS handshake with the SMTP server failed",
            WebhookRejectedException rejected => rejected.Message,
            HttpRequestException http => $"SMS webhook unreachable: {http.Message}",
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
        return Sanitize(text, secret);
    }

    public static string Sanitize(string text, string? secret)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (!string.IsNullOrEmpty(secret))
        {
            line = line.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        return line.Length <= MaxLength ? line : line[..MaxLength] + "…";
    }
}
