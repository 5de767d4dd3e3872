using System.Text;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Keys;

/// <summary>Texts of the key normalizer's refusals, in the request's language; each names the field and the offending part.</summary>
internal static class KeyMessages
{
    public static string Invisible(string field, Rune rune) => RequestLanguage.Pick(
        $"参数 {field} 含有不可见或格式控制字符 ({CodePoint(rune)})",
        $"Parameter {field} contains an invisible or formatting character ({CodePoint(rune)})");

    public static string Unassigned(string field, Rune rune) => RequestLanguage.Pick(
        $"参数 {field} 含有 Unicode {KeyText.UnicodeVersion} 未分配的码位 ({CodePoint(rune)})",
        $"Parameter {field} contains a code point not assigned in Unicode {KeyText.UnicodeVersion} ({CodePoint(rune)})");

    public static string Blank(string field) => RequestLanguage.Pick($"参数 {field} 不能只含空白", $"Parameter {field} must not be blank");

    public static string EmailDomain(string domain) => RequestLanguage.Pick(
        $"参数 email 的域名 {domain} 不是有效的国际化域名", $"Parameter email has a domain ({domain}) that is not a valid internationalized domain name");

    public static string CountryCode(string countryCode) => RequestLanguage.Pick(
        $"参数 phoneCountryCode {countryCode} 不是国际电话区号", $"Parameter phoneCountryCode {countryCode} is not a country calling code");

    public static string PhoneFormat() => RequestLanguage.Pick(
        "参数 phone 只能含数字、空格、-、.和括号（区号请放在 phoneCountryCode）",
        "Parameter phone may hold only digits, spaces, dashes, dots and parentheses (put the country code in phoneCountryCode)");

    public static string NotPossiblePhone(string countryCode, string why) => RequestLanguage.Pick(
        $"参数 phone 不是 {countryCode} 下可能的号码（{why}）", $"Parameter phone is not a possible number for {countryCode} ({why})");

    private static string CodePoint(Rune rune) => $"U+{rune.Value:X4}";
}
