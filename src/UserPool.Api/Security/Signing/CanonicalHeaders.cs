using System.Globalization;
using System.Text;

namespace UserPool.Api.Security.Signing;

/// <summary>
/// The header block of the string to sign: <c>date</c> and every <c>x-authing-*</c> header, lowercased,
/// sorted ordinally (JS default sort over UTF-16 code units), each written as <c>name:value\n</c>.
/// </summary>
internal static class CanonicalHeaders
{
    private const string AuthingHeaderPrefix = "x-authing-";

    /// <summary>Appends the header lines; false when a signed header repeats (the SDK sends each once).</summary>
    public static bool TryAppend(StringBuilder target, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var signed = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in headers)
        {
            var lowerName = name.ToLowerInvariant();
            if (lowerName == "date" || lowerName.StartsWith(AuthingHeaderPrefix, StringComparison.Ordinal))
            {
                signed.Add(new(lowerName, NormalizeValue(value)));
            }
        }

        signed.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 0; i < signed.Count; i++)
        {
            if (i > 0 && signed[i].Key == signed[i - 1].Key)
            {
                return false;
            }

            target.Append(signed[i].Key).Append(':').Append(signed[i].Value).Append('\n');
        }

        return true;
    }

    /// <summary>The SDK replaces tab, LF, CR and FF with a space and then applies JS <c>String.prototype.trim</c>.</summary>
    internal static string NormalizeValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var replaced = string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is '\t' or '\n' or '\r' or '\f' ? ' ' : c;
            }
        });
        return TrimJsWhitespace(replaced);
    }

    // JS trim strips a different set than string.Trim(): it includes U+FEFF but not U+0085.
    private static string TrimJsWhitespace(string value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && IsJsWhitespace(value[start]))
        {
            start++;
        }

        while (end > start && IsJsWhitespace(value[end - 1]))
        {
            end--;
        }

        return value[start..end];
    }

    // ECMAScript WhiteSpace and LineTerminator: TAB VT FF SP NBSP ZWNBSP, any Zs, LF CR LS PS.
    private static bool IsJsWhitespace(char c) =>
        c is '\t' or '\v' or '\f' or ' ' or '\u00A0' or '\uFEFF' or '\n' or '\r' or '\u2028' or '\u2029'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator;
}
