using System.Text.RegularExpressions;
using UserPool.Api.Accounts.Keys;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Reading;

/// <summary>
/// A userId checked against its userIdType and reduced to what the lookup matches: one or more
/// (value, extra) candidates. E-mail and username become their unique keys (Accounts/Keys). Extra is the identity's
/// extIdpId, or a phone's country code when the caller wrote one (a leading +); a phone without one matches any
/// country code.
/// </summary>
public sealed partial record AccountKey(AccountIdType Type, IReadOnlyList<(string Value, string? Extra)> Candidates)
{
    public static AccountKey Parse(AccountIdType type, string? raw, string parameter = "userId") =>
        TryParse(type, raw, parameter, out var key, out var refusal) ? key : throw ApiException.BadRequest(refusal.Message);

    /// <summary>The key, or why <paramref name="raw"/> names no account (a batch reports every item's refusal at once).</summary>
    public static bool TryParse(AccountIdType type, string? raw, string parameter, out AccountKey key, out (string Code, string Message) refusal)
    {
        key = null!;
        refusal = default;
        if (string.IsNullOrEmpty(raw))
        {
            refusal = (ErrorCodes.Required, ReadMessages.Required(parameter));
            return false;
        }

        var candidates = !TextRules.IsSingleLine(raw) ? null : type switch
        {
            AccountIdType.Email => KeyNormalizer.EmailKeyOrNull(raw) is { } email ? [(email, null)] : null,
            AccountIdType.Username => KeyNormalizer.UsernameKeyOrNull(raw) is { } username ? [(username, null)] : null,
            AccountIdType.Phone => PhoneCandidates(raw),
            AccountIdType.Identity => IdentityCandidate(raw),
            _ => [(raw, (string?)null)],
        };
        if (candidates is null)
        {
            refusal = (ErrorCodes.InvalidFormat, Messages.InvalidFormat(parameter));
            return false;
        }

        key = new AccountKey(type, candidates);
        return true;
    }

    /// <summary>
    /// Separators people type (spaces, dashes, parentheses) are dropped. With a leading + the number is parsed as the
    /// key normalizer parses phones (+086 is +86) and matched by its key; without one, the national digits match a
    /// phone of any country code.
    /// </summary>
    private static List<(string, string?)>? PhoneCandidates(string raw)
    {
        if (!PhonePattern().IsMatch(raw))
        {
            return null;
        }

        if (!raw.StartsWith('+'))
        {
            return [(new string(raw.Where(char.IsAsciiDigit).ToArray()), null)];
        }

        // A + number that parses as no phone at all (e.g. 200 digits) is looked for and simply not found.
        return KeyNormalizer.InternationalPhone(raw) is { } phone ? [(phone.National, phone.CountryCode)] : [];
    }

    /// <summary><c>extIdpId:userIdInIdp</c>; the id in the provider may itself hold colons.</summary>
    private static List<(string, string?)>? IdentityCandidate(string raw)
    {
        var colon = raw.IndexOf(':');
        return colon > 0 && colon < raw.Length - 1 ? [(raw[(colon + 1)..], raw[..colon])] : null;
    }

    [GeneratedRegex(@"^\+?[0-9 ()\-]*[0-9][0-9 ()\-]*\z")]
    private static partial Regex PhonePattern();
}
