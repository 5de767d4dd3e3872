using System.Text;
using System.Text.Json;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Validation;

/// <summary>
/// Text that PostgreSQL and UTF-8 cannot hold faithfully — NUL characters and unpaired surrogates,
/// which JSON escapes can smuggle in — is refused here rather than failing deep in the database.
/// </summary>
public static class TextRules
{
    public static bool IsStorable(string? value) =>
        value is null || (!value.AsSpan().Contains('\0') && IsWellFormedUtf16(value));

    /// <summary>Single-line fields also refuse other control characters (C0, DEL and C1, as char.IsControl).</summary>
    public static bool IsSingleLine(string? value) =>
        value is null
        || (value.AsSpan().IndexOfAnyInRange('\0', '\u001f') < 0 && value.AsSpan().IndexOfAnyInRange('\u007f', '\u009f') < 0
            && IsWellFormedUtf16(value));

    /// <summary>Every property name and string inside a JSON value must be storable (text without an escape always is, once it decodes).</summary>
    public static bool IsStorable(JsonElement element) => RawJsonText.EveryText(element, static text => IsStorable(text));

    public static int Utf8Length(string value) => Encoding.UTF8.GetByteCount(value);

    // Every string field of every item passes here: the vectorized search skips the common case of no surrogates.
    private static bool IsWellFormedUtf16(string value)
    {
        var first = value.AsSpan().IndexOfAnyInRange('\ud800', '\udfff');
        if (first < 0)
        {
            return true;
        }

        for (var i = first; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
