using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace UserPool.Api.Infrastructure;

/// <summary>What the server does with a key of a <see cref="StrictJsonObject"/> that names none of its fields.</summary>
public enum UnknownFieldHandling
{
    /// <summary>A 400 naming the key's JSON path and the nearest known field.</summary>
    Refuse,

    /// <summary>Skipped, for clients of a newer API that send fields this server does not know yet.</summary>
    Ignore,
}

/// <summary>
/// A System.Text.Json contract modifier for <see cref="StrictJsonObject"/> types, so aliases and unknown keys are
/// handled by one rule derived from the properties themselves rather than by code per field:
/// <list type="bullet">
/// <item>each property whose snake_case name differs (externalId → external_id) gets a second property of that
/// name which is only read, never written, and sets the same member: answers and the idempotency fingerprint keep
/// camelCase;</item>
/// <item>both spellings of one field in one object throw <see cref="DuplicateSpellingException"/>;</item>
/// <item>with <see cref="UnknownFieldHandling.Refuse"/>, an extension-data slot catches any other key and throws
/// <see cref="UnknownJsonFieldException"/>. The serializer fills in the exception's JSON path, which ends in the key.</item>
/// </list>
/// </summary>
public static class JsonFieldRules
{
    public static Action<JsonTypeInfo> Modifier(UnknownFieldHandling unknownFields) => typeInfo =>
    {
        if (typeInfo.Kind == JsonTypeInfoKind.Object && typeof(StrictJsonObject).IsAssignableFrom(typeInfo.Type))
        {
            var known = AddSnakeCaseAliases(typeInfo);
            if (unknownFields == UnknownFieldHandling.Refuse)
            {
                AddUnknownKeyTrap(typeInfo, known);
            }
        }
    };

    /// <summary>The snake_case spelling a field also answers to.</summary>
    public static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static List<string> AddSnakeCaseAliases(JsonTypeInfo typeInfo)
    {
        var canonical = typeInfo.Properties.Where(p => p.Set is not null).ToList();
        var known = canonical.Select(p => p.Name).ToList();
        var aliased = canonical.Where(p => SnakeCase(p.Name) != p.Name).ToList();
        if (aliased.Count > sizeof(ulong) * 8)
        {
            throw new InvalidOperationException($"{typeInfo.Type.Name} has more aliased fields than {nameof(StrictJsonObject)} can track.");
        }

        for (var i = 0; i < aliased.Count; i++)
        {
            var property = aliased[i];
            var alias = typeInfo.CreateJsonPropertyInfo(property.PropertyType, SnakeCase(property.Name));
            alias.CustomConverter = property.CustomConverter;
            var set = property.Set!;
            var bit = 1UL << i;
            var both = (property.Name, alias.Name);
            property.Set = Tracked(set, bit, both);
            alias.Set = Tracked(set, bit, both);
            typeInfo.Properties.Add(alias);
            known.Add(alias.Name);
        }

        return known;
    }

    /// <summary>A setter that refuses a field given once already under its other spelling (the same spelling twice
    /// is refused by the serializer itself: AllowDuplicateProperties is off).</summary>
    private static Action<object, object?> Tracked(Action<object, object?> set, ulong bit, (string Canonical, string Alias) names) =>
        (target, value) =>
        {
            var strict = (StrictJsonObject)target;
            if ((strict.SpellingsGiven & bit) != 0)
            {
                throw new DuplicateSpellingException(names.Canonical, names.Alias);
            }

            strict.SpellingsGiven |= bit;
            set(target, value);
        };

    private static void AddUnknownKeyTrap(JsonTypeInfo typeInfo, List<string> known)
    {
        // The serializer asks the extension-data property for its dictionary (none), makes one and hands it to Set:
        // that is the first and only moment a key matched no property, with the key already on the JSON path.
        var trap = typeInfo.CreateJsonPropertyInfo(typeof(Dictionary<string, JsonElement>), "\u0000unknown fields");
        trap.IsExtensionData = true;
        trap.Get = _ => null;
        trap.Set = (_, _) => throw new UnknownJsonFieldException(known);
        trap.ShouldSerialize = (_, _) => false;
        typeInfo.Properties.Add(trap);
    }
}
