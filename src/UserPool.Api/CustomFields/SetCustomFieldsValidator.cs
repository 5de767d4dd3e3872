using FluentValidation;
using UserPool.Api.Validation;

namespace UserPool.Api.CustomFields;

public sealed class SetCustomFieldsValidator : AbstractValidator<SetCustomFieldsRequest>
{
    public const int MaxFields = 50;

    public SetCustomFieldsValidator()
    {
        // Stop at the first failing check of a rule: a missing list must not reach the count check.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.List).NotNull().WithErrorCode(ErrorCodes.Required).WithMessage(_ => Messages.InvalidFormat("list"))
            .Must(list => list!.Count is >= 1 and <= MaxFields).WithErrorCode(ErrorCodes.InvalidValue)
            .WithMessage(_ => Messages.InvalidFormat("list"));
        RuleForEach(x => x.List).NotNull().WithErrorCode(ErrorCodes.Required).WithMessage(_ => Messages.InvalidFormat("{PropertyName}"))
            .SetValidator(new SetCustomFieldItemValidator()!);
        RuleFor(x => x.TenantId).SingleLine(FieldLimits.ReferenceId);
    }
}

public sealed class SetCustomFieldItemValidator : AbstractValidator<SetCustomFieldItem>
{
    private static string UserOnly(string flag) => Infrastructure.RequestLanguage.Pick(
        $"{flag} 仅支持 targetType 为 USER 的字段", $"{flag} is supported for USER fields only");

    public SetCustomFieldItemValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.TargetType).NotEmpty().WithErrorCode(ErrorCodes.Required).WithMessage(_ => Messages.InvalidFormat("targetType"))
            .OneOf(CustomFieldTypes.TargetTypes);
        RuleFor(x => x.Key).NotEmpty().WithErrorCode(ErrorCodes.Required).WithMessage(_ => Messages.InvalidFormat("key"))
            .SingleLine(128).Format(key => key.Trim() == key);
        RuleFor(x => x.DataType).OneOf(CustomFieldTypes.DataTypes);
        RuleFor(x => x.Label).SingleLine(256);
        RuleFor(x => x.Description).SingleLine(1024);
        RuleFor(x => x.Options).Must(o => o is null || o.Count <= 200).WithErrorCode(ErrorCodes.TooLong)
            .WithMessage(_ => Messages.TooLong("options", 200));
        RuleForEach(x => x.Options).Must(o => o is { Value.Length: > 0 and <= 256 } && (o.Label?.Length ?? 0) <= 256
                && TextRules.IsSingleLine(o.Value) && TextRules.IsSingleLine(o.Label))
            .WithErrorCode(ErrorCodes.InvalidFormat).WithMessage(_ => Messages.InvalidFormat("options"));
        RuleFor(x => x.ValidateRules).StorableJson();
        RuleFor(x => x.AppIds).Must(ids => ids is null || ids.Length <= FieldLimits.LinksPerAccount)
            .WithErrorCode(ErrorCodes.TooLong).WithMessage(_ => Messages.TooLong("appIds", FieldLimits.LinksPerAccount));
        RuleForEach(x => x.AppIds).NotEmpty().WithErrorCode(ErrorCodes.InvalidFormat).WithMessage(_ => Messages.InvalidFormat("{PropertyName}"))
            .SingleLine(FieldLimits.ReferenceId);
        RuleFor(x => x.I18n).JsonObject();
        // Only accounts' custom data is checked against definitions: a promise for another target would be an empty one.
        RuleFor(x => x.IsUnique).Must((item, on) => on != true || item.TargetType == "USER").WithErrorCode(ErrorCodes.InvalidValue)
            .WithMessage(_ => UserOnly("isUnique"));
        RuleFor(x => x.Encrypted).Must((item, on) => on != true || item.TargetType == "USER").WithErrorCode(ErrorCodes.InvalidValue)
            .WithMessage(_ => UserOnly("encrypted"));
    }
}
