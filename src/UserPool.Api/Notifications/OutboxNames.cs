namespace UserPool.Api.Notifications;

/// <summary>The values of notification_outbox.channel, .template and .status.</summary>
public static class OutboxNames
{
    public const string Email = "email";
    public const string Sms = "sms";

    public const string AccountCreated = "account_created";
    public const string AccountCreatedWithPassword = "account_created_with_password";
    public const string PasswordChanged = "password_changed";
    public const string PasswordChangedWithPassword = "password_changed_with_password";

    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Dead = "dead";
}
