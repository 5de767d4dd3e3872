using System.Text.Json;
using FluentValidation;

namespace UserPool.Api.Accounts.Validation;

/// <summary>
/// The part of the customData rules that needs no definitions: no string longer than 1024 characters
/// (the text the SDK's tests expect). Keys and types are checked against the pool's definitions later.
/// </summary>
public sealed class CustomDataShapeValidator : AbstractValidator<JsonElement?>
{
    public CustomDataShapeValidator() =>
        RuleFor(x => x).Must(NoLongStrings).OverridePropertyName("customData")
            .WithErrorCode(ErrorCodes.TooLong).WithMessage(Messages.CustomDataStringTooLong);

    private static bool NoLongStrings(JsonElement? data) =>
        data is not { ValueKind: JsonValueKind.Object } value
        || value.EnumerateObject().All(p => p.Value.ValueKind != JsonValueKind.String || p.Value.GetString()!.Length <= FieldLimits.CustomDataString);
}
