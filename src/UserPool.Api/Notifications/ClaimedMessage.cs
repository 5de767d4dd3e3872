namespace UserPool.Api.Notifications;

/// <summary>An outbox row claimed for delivery, with the account's name to greet. Attempts counts this claim.</summary>
public sealed record ClaimedMessage(
    string UserPoolId, string Id, string AccountId, string Channel, string Template, string Lang, string Recipient,
    string? PhoneCountryCode, string? AppId, string? ProtectedPassword, int Attempts, string? DisplayName)
{
    public Notification ToNotification(string? loginUrl, string? password) => new()
    {
        Id = Id,
        UserPoolId = UserPoolId,
        AccountId = AccountId,
        Channel = Channel,
        Template = Template,
        Lang = Lang,
        Recipient = Recipient,
        PhoneCountryCode = PhoneCountryCode,
        DisplayName = DisplayName,
        LoginUrl = loginUrl,
        Password = password,
    };

    public override string ToString() => $"{Channel} {Template} {Id} (attempt {Attempts})";
}

/// <summary>What became of a claimed message: sent, pending again after <see cref="RetryDelay"/>, or dead.</summary>
public sealed record DeliveryOutcome(ClaimedMessage Message, string Status, string? Error, TimeSpan RetryDelay)
{
    public static DeliveryOutcome Sent(ClaimedMessage message) => new(message, OutboxNames.Sent, null, TimeSpan.Zero);

    public static DeliveryOutcome Retry(ClaimedMessage message, string error, TimeSpan delay) => new(message, OutboxNames.Pending, error, delay);

    public static DeliveryOutcome Dead(ClaimedMessage message, string error) => new(message, OutboxNames.Dead, error, TimeSpan.Zero);
}
