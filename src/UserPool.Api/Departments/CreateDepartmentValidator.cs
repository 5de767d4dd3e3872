using FluentValidation;
using UserPool.Api.Organizations;
using UserPool.Api.Validation;

namespace UserPool.Api.Departments;

public sealed class CreateDepartmentValidator : AbstractValidator<CreateDepartmentRequest>
{
    public CreateDepartmentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        // An empty code is not invalid here but unknown: the SDK's tests expect 404 for it.
        RuleFor(x => x.OrganizationCode).NotNull().WithErrorCode(ErrorCodes.Required).WithMessage(_ => Messages.InvalidFormat("organizationCode"))
            .MaximumLength(OrganizationCodes.MaxLength).WithErrorCode(ErrorCodes.TooLong).WithMessage(_ => Messages.InvalidFormat("organizationCode"))
            .Must(code => code == "" || OrganizationCodes.IsValid(code!)).WithErrorCode(ErrorCodes.InvalidFormat)
            .WithMessage(x => OrganizationCodes.InvalidOnCreateDepartment(x.OrganizationCode!));
        RuleFor(x => x.Name).NotEmpty().WithErrorCode(ErrorCodes.Required).WithMessage(_ => Messages.InvalidFormat("name"))
            .SingleLine(DepartmentRules.NameLength);
        RuleFor(x => x.ParentDepartmentId).NotEmpty().WithErrorCode(ErrorCodes.Required).WithMessage(_ => Messages.InvalidFormat("parentDepartmentId"))
            .SingleLine(FieldLimits.ReferenceId);
        RuleFor(x => x.DepartmentIdType).OneOf(Enums.DepartmentIdTypes)
            .Must(type => !DepartmentRules.UnsupportedIdTypes.Contains(type)).WithErrorCode(ErrorCodes.NotSupported)
            .WithMessage(x => DepartmentRules.IdTypeNotSupported(x.DepartmentIdType!));
        RuleFor(x => x.Code).SingleLine(DepartmentRules.CodeLength).Format(code => code == "" || OrganizationCodes.IsValid(code));
        RuleFor(x => x.OpenDepartmentId).SingleLine(DepartmentRules.OpenDepartmentIdLength).Format(DepartmentRules.IsTrimmed);
        RuleFor(x => x.Description).SingleLine(DepartmentRules.DescriptionLength);
        RuleFor(x => x.TenantId).SingleLine(FieldLimits.ReferenceId);
        RuleFor(x => x.PostIdList).Must(ids => ids is null || ids.Length == 0)
            .WithErrorCode(ErrorCodes.NotSupported).WithMessage(_ => DepartmentRules.NotSupported("postIdList"));
        RuleFor(x => x.I18n).JsonObject();
        RuleFor(x => x.CustomData).JsonObject().Custom(CustomDataShapeRule.NoLongStrings);
        RuleFor(x => x.Metadata).JsonObject();
    }
}
