using FluentValidation;
using UserPool.Api.Departments;
using UserPool.Api.Validation;

namespace UserPool.Api.Organizations;

public sealed class CreateOrganizationValidator : AbstractValidator<CreateOrganizationRequest>
{
    public CreateOrganizationValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        // Too long is the generic format text, a bad character the pinned "invalid organization code: <code>".
        RuleFor(x => x.OrganizationCode).NotNull().WithErrorCode(ErrorCodes.Required).WithMessage(_ => Messages.InvalidFormat("organizationCode"))
            .MaximumLength(OrganizationCodes.MaxLength).WithErrorCode(ErrorCodes.TooLong).WithMessage(_ => Messages.InvalidFormat("organizationCode"))
            .Must(code => code == "" || OrganizationCodes.IsValid(code!)).WithErrorCode(ErrorCodes.InvalidFormat)
            .WithMessage(x => OrganizationCodes.InvalidOnCreate(x.OrganizationCode!));
        RuleFor(x => x.OrganizationName).NotEmpty().WithErrorCode(ErrorCodes.Required).WithMessage(_ => Messages.InvalidFormat("organizationName"))
            .SingleLine(DepartmentRules.NameLength);
        RuleFor(x => x.Description).SingleLine(DepartmentRules.DescriptionLength);
        RuleFor(x => x.OpenDepartmentId).SingleLine(DepartmentRules.OpenDepartmentIdLength).Format(DepartmentRules.IsTrimmed);
        RuleFor(x => x.TenantId).SingleLine(FieldLimits.ReferenceId);
        RuleFor(x => x.PostIdList).Must(ids => ids is null || ids.Length == 0)
            .WithErrorCode(ErrorCodes.NotSupported).WithMessage(_ => DepartmentRules.NotSupported("postIdList"));
        RuleFor(x => x.I18n).JsonObject();
        RuleFor(x => x.Metadata).JsonObject();
    }
}
