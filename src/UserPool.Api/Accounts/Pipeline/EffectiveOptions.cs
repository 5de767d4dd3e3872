using UserPool.Api.Accounts.Contracts;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// The options that apply to one item: the item's own fields (seed form) win over the item's options,
/// which win over the batch's options, field by field.
/// </summary>
public sealed record EffectiveOptions(
    bool KeepPassword,
    bool AutoGeneratePassword,
    bool ResetPasswordOnFirstLogin,
    string DepartmentIdType,
    string PasswordEncryptType,
    bool SendEmailNotification,
    bool SendPhoneNotification,
    string? AppId)
{
    public static EffectiveOptions For(CreateAccountItem item, CreateAccountOptions? batch)
    {
        var own = item.Options;
        return new EffectiveOptions(
            KeepPassword: own?.KeepPassword ?? batch?.KeepPassword ?? false,
            AutoGeneratePassword: own?.AutoGeneratePassword ?? batch?.AutoGeneratePassword ?? false,
            ResetPasswordOnFirstLogin: item.ResetPasswordOnFisrtLogin ?? own?.ResetPasswordOnFirstLogin ?? batch?.ResetPasswordOnFirstLogin ?? false,
            DepartmentIdType: own?.DepartmentIdType ?? batch?.DepartmentIdType ?? "department_id",
            PasswordEncryptType: NonEmpty(item.PasswordEncryptType) ?? NonEmpty(own?.PasswordEncryptType) ?? NonEmpty(batch?.PasswordEncryptType) ?? "none",
            SendEmailNotification: own?.SendNotification?.SendEmailNotification ?? batch?.SendNotification?.SendEmailNotification ?? false,
            SendPhoneNotification: own?.SendNotification?.SendPhoneNotification ?? batch?.SendNotification?.SendPhoneNotification ?? false,
            AppId: NonEmpty(own?.SendNotification?.AppId) ?? NonEmpty(batch?.SendNotification?.AppId));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
