using System.Text;

namespace UserPool.Api.Accounts.Keys;

/// <summary>
/// Unicode's default lower-case mapping (the toLowerCase() that RFC 8265 names for UsernameCaseMapped), one code
/// point at a time and without language tailoring: Turkish İ becomes i + U+0307 (not i), ı stays ı, ß stays ß.
/// The final-sigma rule depends on context and is left out, so Σ is always σ.
/// </summary>
internal static partial class LowercaseTable
{
    private const int DottedCapitalI = 0x130;

    public static void Append(StringBuilder text, Rune rune)
    {
        if (rune.Value == DottedCapitalI)
        {
            text.Append('i').Append('\u0307');
            return;
        }

        text.Append(Map(rune));
    }

    public static Rune Map(Rune rune)
    {
        var pairs = Pairs;
        int low = 0, high = pairs.Length / 2 - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var code = pairs[middle * 2];
            if (code == rune.Value)
            {
                return new Rune(pairs[middle * 2 + 1]);
            }

            if (code < rune.Value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return rune;
    }

    /// <summary>Every (code point, lower case) pair of the table, for the tests that check it against .NET's character database.</summary>
    internal static IEnumerable<(int From, int To)> All()
    {
        var pairs = Pairs.ToArray();
        for (var i = 0; i < pairs.Length; i += 2)
        {
            yield return (pairs[i], pairs[i + 1]);
        }
    }
}
