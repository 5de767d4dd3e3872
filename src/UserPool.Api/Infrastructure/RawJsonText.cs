using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace UserPool.Api.Infrastructure;

/// <summary>
/// Looks at the strings and property names of a JSON value in their raw UTF-8 form, so the checks every item's JSON
/// values pass (readable, storable, not too long) allocate nothing in the common case.
/// </summary>
public static class RawJsonText
{
    /// <summary>
    /// Whether every string and property name inside the value decodes and passes <paramref name="escapedTextCheck"/>.
    /// Text without an escape decodes exactly when its bytes are valid UTF-8, and then holds no NUL and no unpaired
    /// surrogate either (JSON forbids raw control characters in strings): it is judged from its bytes. Only text with
    /// an escape, where a <c>\ud800</c> or a <c>\u0000</c> can hide, is decoded and checked.
    /// </summary>
    public static bool EveryText(JsonElement element, Func<string, bool> escapedTextCheck)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Judge(JsonMarshal.GetRawUtf8Value(element), element, default, escapedTextCheck);
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!EveryText(item, escapedTextCheck))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Judge(JsonMarshal.GetRawUtf8PropertyName(property), default, property, escapedTextCheck)
                        || !EveryText(property.Value, escapedTextCheck))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>The length of <see cref="JsonElement.GetRawText"/> without building the string.</summary>
    public static int RawTextLength(JsonElement value) => Encoding.UTF8.GetCharCount(JsonMarshal.GetRawUtf8Value(value));

    private static bool Judge(ReadOnlySpan<byte> raw, JsonElement text, JsonProperty name, Func<string, bool> escapedTextCheck)
    {
        if (!raw.Contains((byte)'\\'))
        {
            return Utf8.IsValid(raw);
        }

        try
        {
            return escapedTextCheck(text.ValueKind == JsonValueKind.String ? text.GetString()! : name.Name);
        }
        catch (InvalidOperationException)
        {
            // An unpaired surrogate escape or invalid UTF-8: GetString() refuses it.
            return false;
        }
    }
}
