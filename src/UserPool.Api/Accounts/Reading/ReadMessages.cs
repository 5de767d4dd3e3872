using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Reading;

/// <summary>Texts of read failures; those the SDK's tests pin (docs/contract.md §3) are verbatim.</summary>
public static class ReadMessages
{
    /// <summary>Authing's apiCode for "user not found" (docs/contract.md §3).</summary>
    public const int NotFoundApiCode = 2004;

    /// <summary>Pinned by the SDK's listUsers test, in every language.</summary>
    public const string LimitTooLarge = "limit must less than 50";

    public static string NotFound(AccountKind kind) => kind == AccountKind.PublicAccount
        ? RequestLanguage.Pick("公共账号不存在", "Public account does not exist")
        : RequestLanguage.Pick("用户不存在", "User does not exist");

    public static string Required(string parameter) =>
        RequestLanguage.Pick($"参数 {parameter} 不能为空", $"Parameter {parameter} is required");

    public static string NotSupported(string parameter, string value) =>
        RequestLanguage.Pick($"暂不支持 {parameter} 为 {value}", $"{parameter} {value} is not supported");

    public static string ParameterNotSupported(string parameter) =>
        RequestLanguage.Pick($"暂不支持参数 {parameter}", $"Parameter {parameter} is not supported");

    public static string UnknownFilterField(string field) =>
        RequestLanguage.Pick($"不支持按字段 {field} 筛选", $"Filtering on field {field} is not supported");

    public static string UnsupportedOperator(string field, string op) =>
        RequestLanguage.Pick($"字段 {field} 不支持操作符 {op}", $"Operator {op} is not supported on field {field}");

    public static string UnknownSortField(string field) =>
        RequestLanguage.Pick($"不支持按字段 {field} 排序", $"Sorting on field {field} is not supported");

    public static string TooMany(string parameter, int max) =>
        RequestLanguage.Pick($"参数 {parameter} 最多 {max} 项", $"Parameter {parameter} holds at most {max} items");
}
