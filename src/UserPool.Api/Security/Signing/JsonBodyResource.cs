using System.Text.Json;
using System.Text.Unicode;

namespace UserPool.Api.Security.Signing;

/// <summary>
/// Resource pairs of a non-GET request: the top-level members of the JSON body object. axios sent the body
/// as <c>JSON.stringify(data)</c>, so the raw text of each non-string value is exactly what the SDK signed;
/// a forward-only reader slices it out of the body instead of building a DOM copy of a possibly ~1 MB body.
/// </summary>
internal static class JsonBodyResource
{
    public static CanonicalizationFailure TryCollect(ReadOnlyMemory<byte> body, List<ResourcePair> pairs)
    {
        var span = body.Span;
        if (span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return CanonicalizationFailure.None;
        }

        // The reader skips nested strings without decoding them, so invalid UTF-8 would otherwise reach the signed bytes.
        if (!Utf8.IsValid(span))
        {
            return CanonicalizationFailure.MalformedJsonBody;
        }

        try
        {
            return CollectMembers(body, pairs);
        }
        catch (JsonException)
        {
            return CanonicalizationFailure.MalformedJsonBody;
        }
        catch (InvalidOperationException)
        {
            // Raised when a string holds an escaped lone surrogate, which has no UTF-8 form to sign.
            return CanonicalizationFailure.MalformedJsonBody;
        }
    }

    private static CanonicalizationFailure CollectMembers(ReadOnlyMemory<byte> body, List<ResourcePair> pairs)
    {
        var reader = new Utf8JsonReader(body.Span);
        if (!reader.Read())
        {
            return CanonicalizationFailure.MalformedJsonBody;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return CanonicalizationFailure.BodyNotJsonObject;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            pairs.Add(new ResourcePair(key, SignedValue(ref reader, body)));
        }

        // Reading past the closing brace throws on trailing garbage and returns false on trailing whitespace.
        return reader.Read() ? CanonicalizationFailure.MalformedJsonBody : CanonicalizationFailure.None;
    }

    /// <summary>Strings are signed unescaped; objects, arrays, numbers, booleans and null as their raw JSON text.</summary>
    private static ReadOnlyMemory<byte> SignedValue(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body)
    {
        var start = checked((int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.String when !reader.ValueIsEscaped:
                return body.Slice(start + 1, reader.ValueSpan.Length);
            case JsonTokenType.String:
                // Unescaping never makes UTF-8 longer, so the escaped length bounds the buffer.
                var unescaped = new byte[reader.ValueSpan.Length];
                return unescaped.AsMemory(0, reader.CopyString(unescaped));
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return body[start..checked((int)reader.BytesConsumed)];
            default:
                return body.Slice(start, reader.ValueSpan.Length);
        }
    }
}
