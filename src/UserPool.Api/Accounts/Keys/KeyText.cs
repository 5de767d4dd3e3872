using System.Globalization;
using System.Text;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Keys;

/// <summary>
/// The text half of the key normalizer, shared by usernames and e-mail local parts: refuse what a person cannot see
/// or what Unicode has not assigned, then map as PRECIS UsernameCaseMapped (RFC 8265 §3.3.2) does: width mapping,
/// lower case, NFC.
/// </summary>
internal static class KeyText
{
    /// <summary>
    /// The Unicode version whose assignments decide "unassigned": .NET 10's own character database (not the
    /// host's ICU). The lower-case table is newer (<see cref="LowercaseTable.UnicodeVersion"/>); it only ever
    /// sees code points assigned here, so the rules as a whole are those of this version.
    /// </summary>
    public const string UnicodeVersion = "16.0";

    /// <summary>Category Cf (zero-width space and joiners, bidi controls, soft hyphen, BOM) or unassigned (Cn).</summary>
    public static KeyRefusal? Refusal(string field, string text)
    {
        if (Ascii.IsValid(text))
        {
            return null;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Format:
                    return new KeyRefusal(ErrorCodes.InvisibleCharacter, KeyMessages.Invisible(field, rune));
                case UnicodeCategory.OtherNotAssigned:
                    return new KeyRefusal(ErrorCodes.UnassignedCharacter, KeyMessages.Unassigned(field, rune));
            }
        }

        return null;
    }

    /// <summary>
    /// Width mapping (full- and half-width forms to their ordinary forms), NFC, Unicode lower case, NFC again (lower
    /// casing can leave a string unnormalized). With <paramref name="spacesToAscii"/> every space separator inside
    /// becomes U+0020, so a no-break space cannot tell two usernames apart. ASCII, the common case, only lower-cases.
    /// </summary>
    public static string Fold(string text, bool spacesToAscii)
    {
        if (Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }

        var mapped = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWidthVariant(rune))
            {
                mapped.Append(rune.ToString().Normalize(NormalizationForm.FormKC));
            }
            else if (spacesToAscii && Rune.GetUnicodeCategory(rune) == UnicodeCategory.SpaceSeparator)
            {
                mapped.Append(' ');
            }
            else
            {
                mapped.Append(rune.ToString());
            }
        }

        var composed = mapped.ToString().Normalize(NormalizationForm.FormC);
        var lower = new StringBuilder(composed.Length);
        foreach (var rune in composed.EnumerateRunes())
        {
            LowercaseTable.Append(lower, rune);
        }

        return lower.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The code points whose compatibility decomposition is &lt;wide&gt; or &lt;narrow&gt;: the Halfwidth and
    /// Fullwidth Forms block and the ideographic space. RFC 8265 maps exactly these, not all of NFKC.
    /// </summary>
    private static bool IsWidthVariant(Rune rune) => rune.Value is >= 0xFF01 and <= 0xFFEE or 0x3000;
}
