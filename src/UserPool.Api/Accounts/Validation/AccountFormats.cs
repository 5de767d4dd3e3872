using System.Text.RegularExpressions;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Validation;

/// <summary>Formats of the identifying fields.</summary>
public static partial class AccountFormats
{
    /// <summary>Mainland China, as the contract says, when a phone comes without its country code.</summary>
    public const string DefaultPhoneCountryCode = "+86";

    /// <summary>
    /// A pragmatic address check: one @, a dotted domain, no spaces, sane part lengths. It refuses
    /// "test1@qqq" as Authing does (the SDK's tests rely on it).
    /// </summary>
    public static bool IsEmail(string value)
    {
        var at = value.IndexOf('@');
        return EmailPattern().IsMatch(value) && at is > 0 and <= 64 && value.Length <= FieldLimits.Email
            && !value.Contains("..", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[^@\s""(),:;<>\[\]\\]+@[A-Za-z0-9\p{L}](?:[A-Za-z0-9\p{L}\p{M}-]*[A-Za-z0-9\p{L}\p{M}])?(?:\.[A-Za-z0-9\p{L}](?:[A-Za-z0-9\p{L}\p{M}-]*[A-Za-z0-9\p{L}\p{M}])?)+\z")]
    private static partial Regex EmailPattern();
}
