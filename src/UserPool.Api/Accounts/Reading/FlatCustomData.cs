using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Reading;

/// <summary>flatCustomData: the custom data entries that may sit beside the built-in fields without hiding one.</summary>
internal static class FlatCustomData
{
    /// <summary>Every field UserDto (the wider answer) writes; public accounts keep the same names free.</summary>
    private static readonly HashSet<string> BuiltIn = typeof(UserDto)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is null)
        .Select(p => JsonDefaults.Options.PropertyNamingPolicy!.ConvertName(p.Name))
        .ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, JsonElement> Of(string? customData)
    {
        var entries = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (customData is null)
        {
            return entries;
        }

        using var document = JsonDocument.Parse(customData);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in document.RootElement.EnumerateObject().Where(p => !BuiltIn.Contains(p.Name)))
            {
                entries[property.Name] = property.Value.Clone();
            }
        }

        return entries;
    }
}
