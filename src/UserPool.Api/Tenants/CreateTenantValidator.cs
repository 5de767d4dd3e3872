using FluentValidation;
using UserPool.Api.Validation;

namespace UserPool.Api.Tenants;

public sealed class CreateTenantValidator : AbstractValidator<CreateTenantRequest>
{
    public CreateTenantValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Name).NotEmpty().WithErrorCode(ErrorCodes.Required).WithMessage(_ => Messages.InvalidFormat("name"))
            .SingleLine(TenantRules.NameLength);
        RuleFor(x => x.AppIds).Must(ids => ids is null || ids.Length <= FieldLimits.LinksPerAccount)
            .WithErrorCode(ErrorCodes.TooLong).WithMessage(_ => Messages.TooLong("appIds", FieldLimits.LinksPerAccount));
        RuleForEach(x => x.AppIds).NotEmpty().WithErrorCode(ErrorCodes.InvalidFormat).WithMessage(_ => Messages.InvalidFormat("{PropertyName}"))
            .SingleLine(FieldLimits.ReferenceId);
        RuleFor(x => x.Logo).Must(TenantRules.IsLogo).WithErrorCode(ErrorCodes.InvalidFormat).WithMessage(_ => Messages.InvalidFormat("logo"));
        RuleFor(x => x.Description).SingleLine(TenantRules.TextLength);
        RuleFor(x => x.RejectHint).SingleLine(TenantRules.TextLength);
        RuleFor(x => x.SourceAppId).SingleLine(FieldLimits.ReferenceId);
        RuleFor(x => x.EnterpriseDomains).Must(domains => domains is null || domains.Length <= TenantRules.MaxDomains)
            .WithErrorCode(ErrorCodes.TooLong).WithMessage(_ => Messages.TooLong("enterpriseDomains", TenantRules.MaxDomains));
        RuleForEach(x => x.EnterpriseDomains).Must(domain => domain is not null && TenantRules.IsDomain(domain))
            .WithErrorCode(ErrorCodes.InvalidFormat).WithMessage(_ => Messages.InvalidFormat("{PropertyName}"));
        RuleFor(x => x.ExpireTime).SingleLine(FieldLimits.Place).Format(RuleExtensions.IsDateOrDateTime);
        RuleFor(x => x.MauAmount).GreaterThanOrEqualTo(0).WithErrorCode(ErrorCodes.InvalidValue).WithMessage(_ => Messages.InvalidFormat("mauAmount"));
        RuleFor(x => x.MemberAmount).GreaterThanOrEqualTo(0).WithErrorCode(ErrorCodes.InvalidValue).WithMessage(_ => Messages.InvalidFormat("memberAmount"));
        RuleFor(x => x.AdminAmount).GreaterThanOrEqualTo(0).WithErrorCode(ErrorCodes.InvalidValue).WithMessage(_ => Messages.InvalidFormat("adminAmount"));
    }
}
