using System.Text.Json;
using FluentValidation;

namespace UserPool.Api.Validation;

/// <summary>
/// The part of the customData rules that needs no definitions: no string longer than 1024 characters
/// (the text the SDK's tests expect), reported on the key that holds it. Keys and types are checked
/// against the pool's definitions later.
/// </summary>
public static class CustomDataShapeRule
{
    public static void NoLongStrings<T>(JsonElement? data, ValidationContext<T> context)
    {
        if (data is not { ValueKind: JsonValueKind.Object } value)
        {
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length > FieldLimits.CustomDataString)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure($"customData.{property.Name}", Messages.CustomDataStringTooLong)
                {
                    ErrorCode = ErrorCodes.TooLong,
                });
            }
        }
    }
}
