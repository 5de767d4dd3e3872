using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserPool.Api.Infrastructure;

/// <summary>Dates are written as JavaScript's toISOString does (2022-07-08T12:56:15.061Z), as Authing answers.</summary>
public sealed class TimestampConverter : JsonConverter<DateTime>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().UtcDateTime;

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        // Formatted into a stack buffer: an answer of 500 accounts writes a few thousand of these.
        Span<byte> text = stackalloc byte[32];
        var utc = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        utc.TryFormat(text, out var length, Format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..length]);
    }
}
