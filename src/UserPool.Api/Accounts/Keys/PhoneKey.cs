using System.Text.RegularExpressions;
using PhoneNumbers;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Keys;

/// <summary>
/// Phones are parsed with libphonenumber (Google's metadata of every numbering plan) rather than by pattern: the
/// country code loses its leading zeros (+086 and +0086 are +86), separators people type are dropped, and a number
/// that cannot exist in its country (too short, too long) is refused. The key is the E.164 form, +8613599930052.
/// </summary>
internal static partial class PhoneKey
{
    private const int MaxPhoneLength = 32;
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    public static PhoneResult Parse(string phone, string? countryCode)
    {
        if (CountryCode(countryCode) is not { } callingCode)
        {
            return PhoneResult.Refused("phoneCountryCode", ErrorCodes.InvalidFormat, KeyMessages.CountryCode(countryCode!.Trim()));
        }

        var trimmed = phone.Trim();
        if (!IsWellFormed(trimmed))
        {
            return PhoneResult.Refused("phone", ErrorCodes.InvalidFormat, KeyMessages.PhoneFormat());
        }

        var shownCode = "+" + callingCode;
        PhoneNumber number;
        try
        {
            number = Numbers.Parse(shownCode + trimmed, "ZZ");
        }
        catch (NumberParseException)
        {
            return PhoneResult.Refused("phone", ErrorCodes.NotPossiblePhone, KeyMessages.NotPossiblePhone(shownCode, "not a number"));
        }

        var reason = Numbers.IsPossibleNumberWithReason(number);
        if (reason != PhoneNumberUtil.ValidationResult.IS_POSSIBLE || number.CountryCode != callingCode)
        {
            return PhoneResult.Refused("phone", ErrorCodes.NotPossiblePhone, KeyMessages.NotPossiblePhone(shownCode, Why(reason)));
        }

        var national = Numbers.GetNationalSignificantNumber(number);
        return new PhoneResult(national, shownCode, shownCode + national, null, null);
    }

    /// <summary>Digits with the separators people type, and not too long: what is worth parsing at all.</summary>
    public static bool IsWellFormed(string phone) => phone.Length <= MaxPhoneLength && PhonePattern().IsMatch(phone);

    public static (string National, string CountryCode)? International(string raw)
    {
        try
        {
            var number = Numbers.Parse(raw, "ZZ");
            return (Numbers.GetNationalSignificantNumber(number), "+" + number.CountryCode);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>The calling code of a phoneCountryCode (+86, +086, +0086; default +86), or null when there is none such.</summary>
    public static int? CountryCode(string? countryCode)
    {
        if (string.IsNullOrWhiteSpace(countryCode))
        {
            return 86;
        }

        var match = CountryCodePattern().Match(countryCode.Trim());
        return match.Success && int.Parse(match.Groups[1].ValueSpan) is var code && Numbers.GetRegionCodeForCountryCode(code) != "ZZ"
            ? code
            : null;
    }

    private static string Why(PhoneNumberUtil.ValidationResult reason) => reason switch
    {
        PhoneNumberUtil.ValidationResult.TOO_SHORT => "too short",
        PhoneNumberUtil.ValidationResult.TOO_LONG => "too long",
        PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY => "dialable only locally, without its area code",
        _ => "not a length this country uses",
    };

    [GeneratedRegex(@"^\+0*([1-9][0-9]{0,3})\z")]
    private static partial Regex CountryCodePattern();

    [GeneratedRegex(@"^[0-9 ()\-.]*[0-9][0-9 ()\-.]*\z")]
    private static partial Regex PhonePattern();
}
