using System.Buffers;
using System.Globalization;

namespace UserPool.Api.Passwords.KeptHashes;

/// <summary>The encodings kept hashes are written in, decoded strictly (no white space, no stray characters).</summary>
public static class HashText
{
    /// <summary>The alphabet of crypt(3) formats (bcrypt, sha-crypt, md5-crypt, phpass).</summary>
    public static readonly SearchValues<char> CryptAlphabet =
        SearchValues.Create("./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> Base64Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static bool IsCrypt64(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(CryptAlphabet);

    public static bool IsHex(ReadOnlySpan<char> text) => text.Length > 0 && !text.ContainsAnyExcept(HexDigits);

    /// <summary>
    /// Standard base64 with or without its '=' padding. <paramref name="dotForPlus"/> also reads passlib's adapted
    /// alphabet, which writes '.' for '+'. Convert.TryFromBase64String alone would skip white space inside.
    /// </summary>
    public static bool TryDecodeBase64(ReadOnlySpan<char> text, bool dotForPlus, out byte[] bytes)
    {
        bytes = [];
        var body = text.TrimEnd('=');
        if (body.IsEmpty || text.Length - body.Length > 2 || body.Length % 4 == 1)
        {
            return false;
        }

        var padded = new char[(body.Length + 3) / 4 * 4];
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i] == '.' && dotForPlus ? '+' : body[i];
            if (!Base64Alphabet.Contains(c))
            {
                return false;
            }

            padded[i] = c;
        }

        padded.AsSpan(body.Length).Fill('=');
        var decoded = new byte[padded.Length / 4 * 3];
        if (!Convert.TryFromBase64Chars(padded, decoded, out var written))
        {
            return false;
        }

        bytes = decoded[..written];
        return true;
    }

    /// <summary>Base64 (standard or passlib's) of <paramref name="minBytes"/> to <paramref name="maxBytes"/> bytes.</summary>
    public static bool IsBase64Of(string text, int minBytes, int maxBytes) =>
        TryDecodeBase64(text, dotForPlus: true, out var bytes) && bytes.Length >= minBytes && bytes.Length <= maxBytes;

    /// <summary>A decimal count without sign or spaces, at most 10 digits (so it fits a long with room).</summary>
    public static bool TryParseCount(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        return text.Length is > 0 and <= 10 && !text.ContainsAnyExceptInRange('0', '9')
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// PHC parameters "a=1,b=2" with exactly the given names in the given order (what every writer of these
    /// formats emits); each value a decimal count.
    /// </summary>
    public static bool TryParseParameters(string text, ReadOnlySpan<string> names, Span<long> values)
    {
        var pairs = text.Split(',');
        if (pairs.Length != names.Length)
        {
            return false;
        }

        for (var i = 0; i < names.Length; i++)
        {
            var pair = pairs[i];
            if (pair.Length <= names[i].Length + 1 || !pair.StartsWith(names[i], StringComparison.Ordinal)
                || pair[names[i].Length] != '=' || !TryParseCount(pair.AsSpan(names[i].Length + 1), out values[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static string Range(long min, long max) => string.Create(CultureInfo.InvariantCulture, $"{min}–{max}");
}
