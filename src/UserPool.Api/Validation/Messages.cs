using UserPool.Api.Infrastructure;

namespace UserPool.Api.Validation;

/// <summary>
/// Texts of validation failures in the request's language. Where the Authing SDK's own tests pin a text
/// (docs/contract.md §3), that text is used verbatim.
/// </summary>
public static class Messages
{
    public const string OneOfEmailPhoneUsername = "Must contain one of the following fields: username, phone, email";
    public const string PhoneRequiredWithCountryCode = "phone cannot be empty";
    public const string CustomDataStringTooLong = "customData must be less than 1024 characters";

    public static string InvalidFormat(string field) =>
        RequestLanguage.Pick($"参数 {field} 格式错误", $"Parameter {field} has an invalid format");

    public static string TooLong(string field, int max) =>
        RequestLanguage.Pick($"参数 {field} 长度不能超过 {max}", $"Parameter {field} must be at most {max} characters long");

    public static string InvalidText(string field) =>
        RequestLanguage.Pick($"参数 {field} 含有不能保存的字符", $"Parameter {field} contains characters that cannot be stored");

    public static string OneOf(string field, IEnumerable<string> allowed) =>
        RequestLanguage.Pick($"参数 {field} 只能是 {string.Join(", ", allowed)}", $"Parameter {field} must be one of {string.Join(", ", allowed)}");

    public static string NotForPublicAccounts(string field) =>
        RequestLanguage.Pick($"公共账号不支持参数 {field}", $"Parameter {field} is not accepted for public accounts");
}
