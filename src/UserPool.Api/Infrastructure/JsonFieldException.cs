using System.Text.Json;

namespace UserPool.Api.Infrastructure;

/// <summary>
/// A key of a <see cref="StrictJsonObject"/> the server refuses (see <see cref="JsonFieldRules"/>). Thrown while the
/// body is read; the serializer then sets <see cref="JsonException.Path"/>, which ends in the key, and the central
/// handler answers with <see cref="ToItemError"/>.
/// </summary>
public abstract class JsonFieldException(string message) : JsonException(message)
{
    public const string UnknownFieldCode = "unknown_field";
    public const string DuplicateFieldCode = "duplicate_field";

    /// <summary>The failure as a 400 names it: the key's path as the other item errors write it, and why.</summary>
    public ItemError ToItemError(bool english)
    {
        var path = JsonPaths.Of(Path);
        return new ItemError(path.ItemIndex, path.Field, Code, Describe(path, english));
    }

    protected abstract string Code { get; }

    protected abstract string Describe(JsonPaths.KeyPath path, bool english);
}

/// <summary>A key that names no field of its object.</summary>
public sealed class UnknownJsonFieldException(IReadOnlyList<string> knownFields) : JsonFieldException("Unknown field")
{
    protected override string Code => UnknownFieldCode;

    protected override string Describe(JsonPaths.KeyPath path, bool english) =>
        FieldSuggestions.Nearest(path.Key, knownFields) is { } nearest
            ? english ? $"Unknown field {path.Field}: did you mean {nearest}?" : $"未知字段 {path.Field}，是否应为 {nearest}？"
            : english ? $"Unknown field {path.Field}" : $"未知字段 {path.Field}";
}

/// <summary>One field given in both its spellings (externalId and external_id) in one object.</summary>
public sealed class DuplicateSpellingException(string canonical, string alias) : JsonFieldException("A field given in both spellings")
{
    protected override string Code => DuplicateFieldCode;

    protected override string Describe(JsonPaths.KeyPath path, bool english) =>
        english
            ? $"{path.Parent}{canonical} and {path.Parent}{alias} are the same field: send one of them"
            : $"{path.Parent}{canonical} 与 {path.Parent}{alias} 是同一字段，只能传其中一个";
}
