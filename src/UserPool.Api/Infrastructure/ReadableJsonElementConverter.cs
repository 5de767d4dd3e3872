using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserPool.Api.Infrastructure;

/// <summary>
/// Reads a JSON-valued request field (customData, i18n, logo, a filter value …) as the default converter does,
/// and refuses it when a string or member name in it cannot be read back as text: an escaped lone surrogate
/// ("\ud800") or invalid UTF-8 bytes parse without complaint, but every later GetString() on them throws.
/// Refused here, such a body is a 400 "Invalid JSON at $.path" for every JSON-valued field at once, instead of
/// an exception in whichever rule or query happens to read the string first.
/// </summary>
public sealed class ReadableJsonElementConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var element = JsonElement.ParseValue(ref reader);
        return IsReadable(element) ? element : throw new JsonException("A string is not valid UTF-8 or holds an unpaired surrogate escape.");
    }

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);

    /// <summary>Every string and name decodes; text without an escape is judged from its bytes, allocating nothing.</summary>
    private static bool IsReadable(JsonElement element) => RawJsonText.EveryText(element, static _ => true);
}
