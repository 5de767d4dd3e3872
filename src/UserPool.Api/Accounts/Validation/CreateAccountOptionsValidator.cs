using FluentValidation;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Validation;

public sealed class CreateAccountOptionsValidator : AbstractValidator<CreateAccountOptions>
{
    public CreateAccountOptionsValidator()
    {
        RuleFor(x => x.DepartmentIdType).OneOf(Enums.DepartmentIdTypes);
        RuleFor(x => x.PasswordEncryptType).OneOf(Enums.PasswordEncryptTypes);
        RuleFor(x => x.SendNotification!.AppId).SingleLine(FieldLimits.ReferenceId)
            .When(x => x.SendNotification is not null).OverridePropertyName("sendNotification.appId");
    }
}
