namespace UserPool.Api.Notifications;

/// <summary>
/// One message ready to send, built from a claimed outbox row just before sending. It is the only
/// place the generated password exists unprotected, and only for the duration of the send.
/// </summary>
public sealed class Notification
{
    public required string Id { get; init; }
    public required string UserPoolId { get; init; }
    public required string AccountId { get; init; }
    public required string Channel { get; init; }
    public required string Template { get; init; }
    /// <summary>"zh-CN" or "en-US".</summary>
    public required string Lang { get; init; }
    /// <summary>The e-mail address, or the phone number without its country code.</summary>
    public required string Recipient { get; init; }
    public string? PhoneCountryCode { get; init; }
    /// <summary>How to greet the person: the account's name, nickname or username, else null.</summary>
    public string? DisplayName { get; init; }
    public string? LoginUrl { get; init; }
    public string? Password { get; init; }

    /// <summary>Never the password: safe in a log line or a debugger.</summary>
    public override string ToString() => $"{Channel} {Template} {Id}";
}
