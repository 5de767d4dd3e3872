using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserPool.Api.Infrastructure;

/// <summary>
/// JSON text (a jsonb column, or a value as the client sent it) written into an answer as it is,
/// without parsing it into a DOM and serializing it again.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed record RawJson(string Text)
{
    public static readonly RawJson EmptyObject = new("{}");

    public static RawJson? From(string? text) => text is null ? null : new RawJson(text);

    public static RawJson? From(JsonElement? element) =>
        element is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } value ? new RawJson(value.GetRawText()) : null;

    private sealed class RawJsonConverter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return new RawJson(document.RootElement.GetRawText());
        }

        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Text, skipInputValidation: true);
    }
}
