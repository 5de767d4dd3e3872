using System.Text;

namespace UserPool.Api.Security.Signing;

/// <summary>
/// JSON string quoting exactly as ECMAScript <c>JSON.stringify</c> does it. System.Text.Json cannot be used:
/// even its relaxed encoder escapes characters (non-ASCII, HTML-sensitive ones) that JSON.stringify leaves raw,
/// and a single differing byte breaks the signature.
/// </summary>
internal static class JsJsonString
{
    /// <summary>Renders a JS array of strings, e.g. <c>["a","b"]</c>, the way the SDK signs array query params.</summary>
    public static string StringifyArray(IReadOnlyList<string> items)
    {
        var builder = new StringBuilder().Append('[');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            AppendQuoted(builder, items[i]);
        }

        return builder.Append(']').ToString();
    }

    // ES2019 QuoteJSONString: short escapes, \u00xx for other controls, \uXXXX for lone surrogates, the rest raw.
    public static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ':
                    AppendUnicodeEscape(builder, c);
                    break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]):
                    builder.Append(c).Append(value[++i]);
                    break;
                case >= '\uD800' and <= '\uDFFF':
                    AppendUnicodeEscape(builder, c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }

    private static void AppendUnicodeEscape(StringBuilder builder, char c) =>
        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
}
