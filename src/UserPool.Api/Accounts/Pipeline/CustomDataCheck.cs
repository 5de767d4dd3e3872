using System.Globalization;
using System.Text.Json;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// customData keys must be defined for USER by set-custom-fields, and values must match the declared type.
/// An ENUM value may be an option's value or its label (the SDK's own test sends a label).
/// </summary>
public static class CustomDataCheck
{
    public static void Apply(IReadOnlyList<AccountDraft> drafts, IReadOnlyDictionary<string, CustomFieldRule> fields, BatchErrors errors)
    {
        foreach (var draft in drafts)
        {
            if (draft.Item.CustomData is not { ValueKind: JsonValueKind.Object } data)
            {
                continue;
            }

            foreach (var property in data.EnumerateObject())
            {
                // The name is read once, and a failure's field path is only built for a failure.
                var name = property.Name;
                if (!fields.TryGetValue(name, out var rule))
                {
                    errors.Invalid(draft.Index, $"customData.{name}", ErrorCodes.UndefinedCustomField, RequestLanguage.Pick(
                        $"自定义字段 {name} 未定义", $"Custom field {name} is not defined for users (see set-custom-fields)"));
                }
                else if (property.Value.ValueKind != JsonValueKind.Null && !Matches(rule, property.Value))
                {
                    errors.Invalid(draft.Index, $"customData.{name}", ErrorCodes.CustomFieldType, RequestLanguage.Pick(
                        $"自定义字段 {name} 应为 {rule.DataType}", $"Custom field {name} must be a {rule.DataType}"));
                }
            }
        }
    }

    private static bool Matches(CustomFieldRule rule, JsonElement value) => rule.DataType switch
    {
        "NUMBER" => value.ValueKind == JsonValueKind.Number,
        "BOOLEAN" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "DATETIME" => value.ValueKind == JsonValueKind.Number
            || (value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _)),
        "ENUM" => value.ValueKind == JsonValueKind.String && rule.EnumOptions.Contains(value.GetString()!),
        _ => value.ValueKind == JsonValueKind.String,
    };
}
