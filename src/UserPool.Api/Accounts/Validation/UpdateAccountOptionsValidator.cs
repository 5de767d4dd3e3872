using FluentValidation;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Validation;

/// <summary>
/// The update options. userIdType belongs to a single update (the batch options DTOs have none); the custom
/// message targets of sendPasswordResetedNotification are refused rather than ignored: the server sends its own
/// template to the account's address only.
/// </summary>
public sealed class UpdateAccountOptionsValidator : AbstractValidator<UpdateAccountOptions>
{
    public UpdateAccountOptionsValidator(bool batch)
    {
        if (batch)
        {
            RuleFor(x => x.UserIdType).Must(string.IsNullOrEmpty).WithErrorCode(ErrorCodes.UnsupportedField)
                .WithMessage(_ => RequestLanguage.Pick("批量修改仅按用户 ID 查找账号，不支持 userIdType", "A batch update names accounts by user id only; userIdType is not supported"));
        }

        RuleFor(x => x.PasswordEncryptType).OneOf(Enums.PasswordEncryptTypes);
        RuleFor(x => x.SendPasswordResetedNotification!.AppId).SingleLine(FieldLimits.ReferenceId)
            .When(x => x.SendPasswordResetedNotification is not null).OverridePropertyName("sendPasswordResetedNotification.appId");
        RuleFor(x => x.SendPasswordResetedNotification!.InputSendEmailNotification).Must(string.IsNullOrEmpty)
            .When(x => x.SendPasswordResetedNotification is not null).OverridePropertyName("sendPasswordResetedNotification.inputSendEmailNotification")
            .WithErrorCode(ErrorCodes.NotSupported).WithMessage(_ => ReadMessages.ParameterNotSupported("inputSendEmailNotification"));
        RuleFor(x => x.SendPasswordResetedNotification!.InputSendPhoneNotification).Must(string.IsNullOrEmpty)
            .When(x => x.SendPasswordResetedNotification is not null).OverridePropertyName("sendPasswordResetedNotification.inputSendPhoneNotification")
            .WithErrorCode(ErrorCodes.NotSupported).WithMessage(_ => ReadMessages.ParameterNotSupported("inputSendPhoneNotification"));
    }
}
