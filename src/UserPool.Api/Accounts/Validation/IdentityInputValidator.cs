using FluentValidation;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Validation;

public sealed class IdentityInputValidator : AbstractValidator<IdentityInput>
{
    public IdentityInputValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        foreach (var part in new System.Linq.Expressions.Expression<Func<IdentityInput, string?>>[] { x => x.ExtIdpId, x => x.Type, x => x.UserIdInIdp, x => x.Provider })
        {
            RuleFor(part).NotEmpty().WithErrorCode(ErrorCodes.Required).WithMessage(_ => Messages.InvalidFormat("{PropertyName}"))
                .SingleLine(FieldLimits.IdentityPart);
        }

        RuleFor(x => x.Provider).OneOf(Enums.Providers);
        RuleFor(x => x.UserInfoInIdp).JsonObject();
        RuleFor(x => x.AccessToken).SingleLine(FieldLimits.PasswordText);
        RuleFor(x => x.RefreshToken).SingleLine(FieldLimits.PasswordText);
        RuleForEach(x => x.OriginConnIds).NotEmpty().WithErrorCode(ErrorCodes.InvalidFormat)
            .WithMessage(_ => Messages.InvalidFormat("{PropertyName}")).SingleLine(FieldLimits.ReferenceId);
    }
}
