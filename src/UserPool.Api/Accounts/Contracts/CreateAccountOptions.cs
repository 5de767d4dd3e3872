using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Contracts;

/// <summary>CreateUserOptionsDto / CreatePublicAccountOptionsDto (identical), plus the dryRun extension.</summary>
public sealed record CreateAccountOptions : StrictJsonObject
{
    /// <summary>Store the password value as given (a hash from another system), with its salt.</summary>
    public bool? KeepPassword { get; init; }
    public bool? AutoGeneratePassword { get; init; }
    public bool? ResetPasswordOnFirstLogin { get; init; }
    /// <summary>department_id (default), open_department_id, code; sync_relation and custom_field are not supported.</summary>
    public string? DepartmentIdType { get; init; }
    public SendNotificationOptions? SendNotification { get; init; }
    /// <summary>none (default), rsa or sm2.</summary>
    public string? PasswordEncryptType { get; init; }
    /// <summary>Extension: run every check and answer as if created, writing nothing. Batch-level only.</summary>
    public bool? DryRun { get; init; }
}

/// <summary>SendCreateAccountNotificationDto.</summary>
public sealed record SendNotificationOptions : StrictJsonObject
{
    public bool? SendEmailNotification { get; init; }
    public bool? SendPhoneNotification { get; init; }
    /// <summary>The application whose login address the message carries.</summary>
    public string? AppId { get; init; }
}
