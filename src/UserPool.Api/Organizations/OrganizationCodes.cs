using System.Text.RegularExpressions;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Organizations;

/// <summary>
/// What an organization code may be, and the texts the SDK's tests pin for a bad or unknown one. The two
/// endpoints word "invalid" differently on purpose (with and without the colon; docs/contract.md §3).
/// </summary>
public static partial class OrganizationCodes
{
    public const int MaxLength = 64;

    /// <summary>Codes are identifiers: ASCII letters, digits, and _ . : - (no spaces, no other characters).</summary>
    public static bool IsValid(string code) => Pattern().IsMatch(code);

    public static string InvalidOnCreate(string code) => $"invalid organization code: {code}";

    public static string InvalidOnCreateDepartment(string code) => $"invalid organization code {code}";

    public static string NotFound(string code) => $"organization not found for code: {code}";

    public static string Exists(string code) =>
        RequestLanguage.Pick($"组织 code {code} 已存在", $"An organization with code {code} exists already");

    public static string UsedByDepartment(string code) =>
        RequestLanguage.Pick($"code {code} 已被部门使用", $"The code {code} is already used by a department");

    [GeneratedRegex("^[A-Za-z0-9_.:-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
