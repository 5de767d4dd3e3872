using System.Text.Json;

namespace UserPool.Api.CustomFields.Promises;

/// <summary>What the promises of a custom field need to know of its definition.</summary>
public sealed record CustomFieldFlags(string Key, string DataType, string? OptionsJson, bool IsUnique, bool Encrypted, string? ProtectedHashKey)
{
    private readonly Dictionary<string, string> _enumValues = EnumValues(OptionsJson);

    public bool HasPromises => IsUnique || Encrypted;

    /// <summary>The value of the option whose value (first) or label is <paramref name="text"/>; null when none is.</summary>
    public string? EnumValueOf(string text) => _enumValues.GetValueOrDefault(text);

    private static Dictionary<string, string> EnumValues(string? optionsJson)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (optionsJson is null)
        {
            return values;
        }

        using var options = JsonDocument.Parse(optionsJson);
        if (options.RootElement.ValueKind != JsonValueKind.Array)
        {
            return values;
        }

        var objects = options.RootElement.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object).ToList();
        foreach (var name in (string[])["value", "label"])
        {
            foreach (var option in objects)
            {
                if (option.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
                    && option.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String)
                {
                    values.TryAdd(text.GetString()!, value.GetString()!);
                }
            }
        }

        return values;
    }
}
