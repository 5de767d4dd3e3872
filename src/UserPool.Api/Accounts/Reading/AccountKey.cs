using System.Text.RegularExpressions;
using UserPool.Api.Accounts.Validation;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Reading;

/// <summary>
/// A userId checked against its userIdType and reduced to what the lookup matches: one or more
/// (value, extra) candidates. Extra is the identity's extIdpId, or a phone's country code when the caller
/// wrote one (a leading +); a phone without one matches any country code.
/// </summary>
public sealed partial record AccountKey(AccountIdType Type, IReadOnlyList<(string Value, string? Extra)> Candidates)
{
    private const int MaxCountryCodeDigits = 4;

    public static AccountKey Parse(AccountIdType type, string? raw, string parameter = "userId")
    {
        if (string.IsNullOrEmpty(raw))
        {
            throw ApiException.BadRequest(ReadMessages.Required(parameter));
        }

        if (!TextRules.IsSingleLine(raw))
        {
            throw ApiException.BadRequest(Messages.InvalidFormat(parameter));
        }

        var candidates = type switch
        {
            AccountIdType.Email => AccountFormats.IsEmail(raw) ? [(raw, null)] : null,
            AccountIdType.Phone => PhoneCandidates(raw),
            AccountIdType.Identity => IdentityCandidate(raw),
            _ => [(raw, (string?)null)],
        };
        return candidates is null ? throw ApiException.BadRequest(Messages.InvalidFormat(parameter)) : new AccountKey(type, candidates);
    }

    /// <summary>
    /// Separators people type (spaces, dashes, parentheses) are dropped. With a leading + the country code's
    /// length is unknown, so every split of one to four digits is a candidate.
    /// </summary>
    private static List<(string, string?)>? PhoneCandidates(string raw)
    {
        if (!PhonePattern().IsMatch(raw))
        {
            return null;
        }

        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        if (!raw.StartsWith('+'))
        {
            return [(digits, null)];
        }

        return Enumerable.Range(1, Math.Min(MaxCountryCodeDigits, digits.Length - 1))
            .Select(split => (digits[split..], (string?)("+" + digits[..split])))
            .ToList();
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
