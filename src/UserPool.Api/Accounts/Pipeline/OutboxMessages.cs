using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Notifications;
using UserPool.Api.Security;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// The notifications sendNotification asks for: one e-mail and/or one SMS per new account that has the
/// address. Written in the batch's transaction; a generated password travels only protected.
/// </summary>
public static class OutboxMessages
{
    public static IEnumerable<OutboxMessage> For(AccountDraft draft, string lang, SecretProtector protector)
    {
        var account = draft.Account;
        var template = draft.GeneratedPassword is null ? OutboxNames.AccountCreated : OutboxNames.AccountCreatedWithPassword;
        if (draft.Options.SendEmailNotification && account.Email is { } email)
        {
            yield return Message(draft, OutboxNames.Email, template, lang, email, null, protector);
        }

        if (draft.Options.SendPhoneNotification && account.Phone is { } phone)
        {
            yield return Message(draft, OutboxNames.Sms, template, lang, phone, account.PhoneCountryCode, protector);
        }
    }

    private static OutboxMessage Message(AccountDraft draft, string channel, string template, string lang, string recipient,
        string? countryCode, SecretProtector protector) => new()
    {
        UserPoolId = draft.Account.UserPoolId,
        Id = ObjectIds.New(),
        AccountId = draft.Account.Id,
        Channel = channel,
        Template = template,
        Lang = lang,
        Recipient = recipient,
        PhoneCountryCode = countryCode,
        AppId = draft.Options.AppId,
        ProtectedPassword = draft.GeneratedPassword is { } password ? protector.Protect(password) : null,
        Status = OutboxNames.Pending,
        NextAttemptAt = draft.Account.CreatedAt,
        CreatedAt = draft.Account.CreatedAt,
    };
}
