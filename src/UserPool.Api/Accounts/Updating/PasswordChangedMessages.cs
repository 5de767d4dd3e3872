using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Notifications;
using UserPool.Api.Security;

namespace UserPool.Api.Accounts.Updating;

/// <summary>
/// sendPasswordResetedNotification: when an update changed the password, one e-mail and/or one SMS to the account's
/// (updated) address, written in the batch's transaction; a generated password travels only protected.
/// </summary>
internal static class PasswordChangedMessages
{
    public static IEnumerable<OutboxMessage> For(UpdateDraft update, DateTime now, string lang, SecretProtector protector)
    {
        var (draft, account) = (update.Draft, update.Stored);
        if (update.Patch.PasswordHash is null)
        {
            yield break;
        }

        var template = draft.GeneratedPassword is null ? OutboxNames.PasswordChanged : OutboxNames.PasswordChangedWithPassword;
        if (draft.Options.SendEmailNotification && account.Email is { } email)
        {
            yield return Message(update, OutboxNames.Email, template, lang, email, null, now, protector);
        }

        if (draft.Options.SendPhoneNotification && account.Phone is { } phone)
        {
            yield return Message(update, OutboxNames.Sms, template, lang, phone, account.PhoneCountryCode, now, protector);
        }
    }

    private static OutboxMessage Message(UpdateDraft update, string channel, string template, string lang, string recipient,
        string? countryCode, DateTime now, SecretProtector protector) => new()
    {
        UserPoolId = update.Stored.UserPoolId,
        Id = ObjectIds.New(),
        AccountId = update.Stored.Id,
        Channel = channel,
        Template = template,
        Lang = lang,
        Recipient = recipient,
        PhoneCountryCode = countryCode,
        AppId = update.Draft.Options.AppId,
        ProtectedPassword = update.Draft.GeneratedPassword is { } password ? protector.Protect(password) : null,
        Status = OutboxNames.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };
}
