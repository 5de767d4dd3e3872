using System.Globalization;
using System.Text;
using UserPool.Api.Accounts.Validation;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Keys;

/// <summary>
/// The one place that decides when two e-mails, phones or usernames are the same account key. Validation, the
/// in-batch duplicate check, the conflict query, the write and every lookup call it; the unique indexes compare the
/// keys it produced (stored by the application, never derived by PostgreSQL's collation-dependent lower()).
/// </summary>
public static class KeyNormalizer
{
    /// <summary>
    /// Stored beside every account's keys. Raise it whenever a rule here changes (or the lower-case table is
    /// regenerated): at start-up the server re-normalizes every account stored under an older version.
    /// </summary>
    public const int Version = 1;

    public const string UnicodeVersion = KeyText.UnicodeVersion;

    // IdnMapping keeps no state between calls; one instance serves every thread.
    private static readonly IdnMapping Idn = new();

    /// <summary>
    /// Trimmed (white space, including no-break and ideographic spaces), then folded as a PRECIS UsernameCaseMapped
    /// identifier. Spaces inside and punctuation stay: Authing accepts them, and a migration must not lose accounts.
    /// </summary>
    public static KeyResult Username(string raw)
    {
        var trimmed = raw.Trim();
        if (Common("username", trimmed, FieldLimits.Username) is { } refusal)
        {
            return new KeyResult(null, null, refusal);
        }

        return KeyResult.Of(trimmed, KeyText.Fold(trimmed, spacesToAscii: true));
    }

    /// <summary>
    /// Trimmed; the local part folded as a username is (width, NFC, lower case); the domain through IDNA (UTS #46)
    /// to its ASCII form, so bücher.example and xn--bcher-kva.example are one key.
    /// </summary>
    public static KeyResult Email(string raw)
    {
        var trimmed = raw.Trim();
        if (Common("email", trimmed, FieldLimits.Email) is { } refusal)
        {
            return new KeyResult(null, null, refusal);
        }

        var composed = trimmed.IsNormalized() ? trimmed : trimmed.Normalize();
        if (!AccountFormats.IsEmail(composed))
        {
            return KeyResult.Refused(ErrorCodes.InvalidFormat, Messages.InvalidFormat("email"));
        }

        var at = composed.LastIndexOf('@');
        var domain = composed[(at + 1)..];
        string asciiDomain;
        try
        {
            asciiDomain = Ascii.IsValid(domain) && !domain.Contains("xn--", StringComparison.OrdinalIgnoreCase)
                ? domain.ToLowerInvariant()
                // IdnMapping hands an all-ASCII name (xn-- labels too) back as written, upper case included.
                : Idn.GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return KeyResult.Refused(ErrorCodes.InvalidFormat, KeyMessages.EmailDomain(domain));
        }

        return KeyResult.Of(trimmed, KeyText.Fold(composed[..at], spacesToAscii: false) + "@" + asciiDomain);
    }

    /// <summary>The phone from its national digits and country code (default +86); see <see cref="PhoneKey"/>.</summary>
    public static PhoneResult Phone(string phone, string? countryCode) => PhoneKey.Parse(phone, countryCode);

    /// <summary>A phone written with its country code (+86 135-9993-0052), as a lookup receives it; null when it is no number.</summary>
    public static (string National, string CountryCode)? InternationalPhone(string raw) => PhoneKey.International(raw);

    /// <summary>The key of a value being looked up, or null when no account can hold it (it would be refused on create).</summary>
    public static string? EmailKeyOrNull(string raw) => Email(raw).Key;

    public static string? UsernameKeyOrNull(string raw) => Username(raw).Key;

    private static KeyRefusal? Common(string field, string trimmed, int maxLength)
    {
        if (trimmed.Length == 0)
        {
            return new KeyRefusal(ErrorCodes.InvalidFormat, KeyMessages.Blank(field));
        }

        if (!TextRules.IsSingleLine(trimmed))
        {
            return new KeyRefusal(ErrorCodes.InvalidText, Messages.InvalidText(field));
        }

        if (trimmed.Length > maxLength)
        {
            return new KeyRefusal(ErrorCodes.TooLong, Messages.TooLong(field, maxLength));
        }

        return KeyText.Refusal(field, trimmed);
    }
}
