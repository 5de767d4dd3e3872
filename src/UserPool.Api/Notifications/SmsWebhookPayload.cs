using System.Text.Json.Serialization;

namespace UserPool.Api.Notifications;

/// <summary>
/// The SMS webhook's JSON body. <see cref="Id"/> is the outbox message id: delivery is at-least-once,
/// so a gateway that must not text twice keeps the ids it has seen.
/// </summary>
public sealed record SmsWebhookPayload(
    string Id, string UserPoolId, string AccountId, string Phone, string? PhoneCountryCode,
    string Template, string Lang, SmsWebhookParams Params, string Text)
{
    public static SmsWebhookPayload From(Notification n) => new(
        n.Id, n.UserPoolId, n.AccountId, n.Recipient, n.PhoneCountryCode, n.Template, n.Lang,
        new SmsWebhookParams(n.DisplayName, n.Recipient, n.LoginUrl, NotificationTemplates.NeedsPassword(n.Template) ? n.Password : null),
        NotificationTemplates.Render(n).ShortText);

    public override string ToString() => $"{Template} {Id}"; // Params and Text may hold a password
}

/// <summary>The values a gateway's own SMS template needs; Text is the ready-made message in Lang.</summary>
public sealed record SmsWebhookParams(
    string? Name,
    string Account,
    string? LoginUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Password)
{
    public override string ToString() => Account;
}
