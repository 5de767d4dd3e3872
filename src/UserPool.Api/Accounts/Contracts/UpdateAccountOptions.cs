using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Contracts;

/// <summary>
/// UpdateUserOptionsDto / UpdatePublicAccountOptionsDto, and (without userIdType) the batch's UpdateUserBatchOptionsDto /
/// UpdatePublicAccountBatchOptionsDto, plus the dryRun extension. No keepPassword: the SDKs' update options have none,
/// so a password sent on update is always a plaintext to hash.
/// </summary>
public sealed record UpdateAccountOptions : StrictJsonObject
{
    /// <summary>user_id (default), external_id, phone, email, username, identity; sync_relation and custom_field are refused.</summary>
    public string? UserIdType { get; init; }
    /// <summary>The older spelling of <see cref="ResetPasswordOnNextLogin"/>.</summary>
    public bool? ResetPasswordOnFirstLogin { get; init; }
    public bool? ResetPasswordOnNextLogin { get; init; }
    /// <summary>none (default), rsa or sm2.</summary>
    public string? PasswordEncryptType { get; init; }
    public bool? AutoGeneratePassword { get; init; }
    public SendResetPasswordNotification? SendPasswordResetedNotification { get; init; }
    /// <summary>Extension: run every check and answer as if updated, writing nothing.</summary>
    public bool? DryRun { get; init; }
}

/// <summary>SendResetPasswordNotificationDto: tell the account its password was changed (with the new one when generated).</summary>
public sealed record SendResetPasswordNotification : StrictJsonObject
{
    public bool? SendDefaultEmailNotification { get; init; }
    public bool? SendDefaultPhoneNotification { get; init; }
    /// <summary>A custom message template: not supported (refused when sent).</summary>
    public string? InputSendEmailNotification { get; init; }
    /// <summary>A custom message template: not supported (refused when sent).</summary>
    public string? InputSendPhoneNotification { get; init; }
    public string? AppId { get; init; }
}
