using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Pipeline;

namespace UserPool.Api.Accounts.Updating;

/// <summary>
/// The update options in the create pipeline's terms (EffectiveOptions), so its password step serves both:
/// never keepPassword (the SDKs' update options have none), notifications as sendPasswordResetedNotification asks.
/// </summary>
public static class UpdateOptions
{
    public static EffectiveOptions Effective(UpdateAccountOptions? options, bool storedResetFlag) => new(
        KeepPassword: false,
        AutoGeneratePassword: options?.AutoGeneratePassword ?? false,
        ResetPasswordOnFirstLogin: ResetFlag(options) ?? storedResetFlag,
        DepartmentIdType: "department_id",
        PasswordEncryptType: string.IsNullOrEmpty(options?.PasswordEncryptType) ? "none" : options.PasswordEncryptType,
        SendEmailNotification: options?.SendPasswordResetedNotification?.SendDefaultEmailNotification ?? false,
        SendPhoneNotification: options?.SendPasswordResetedNotification?.SendDefaultPhoneNotification ?? false,
        AppId: string.IsNullOrEmpty(options?.SendPasswordResetedNotification?.AppId) ? null : options.SendPasswordResetedNotification.AppId);

    /// <summary>resetPasswordOnNextLogin, or its older spelling; null when neither was sent.</summary>
    public static bool? ResetFlag(UpdateAccountOptions? options) => options?.ResetPasswordOnNextLogin ?? options?.ResetPasswordOnFirstLogin;
}
