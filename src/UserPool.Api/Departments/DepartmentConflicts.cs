using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Departments;

/// <summary>
/// A department's code and open id are unique in its pool (the indexes below). Clashes are answered as
/// 409 naming the field, whether found by the check before saving or by the index itself.
/// </summary>
public static class DepartmentConflicts
{
    public const string CodeIndex = Data.Configurations.DepartmentConfiguration.CodeIndex;
    public const string OpenDepartmentIdIndex = Data.Configurations.DepartmentConfiguration.OpenDepartmentIdIndex;

    public static ApiException Code(string code) =>
        Conflict("code", RequestLanguage.Pick($"部门 code {code} 已存在", $"A department with code {code} exists already"));

    public static ApiException OpenDepartmentId(string openDepartmentId) =>
        Conflict("openDepartmentId", RequestLanguage.Pick(
            $"openDepartmentId {openDepartmentId} 已被部门使用", $"A department with openDepartmentId {openDepartmentId} exists already"));

    public static ApiException Conflict(string field, string message) =>
        ApiException.Conflict(message, null, [new ItemError(null, field, ErrorCodes.AlreadyExists, message)]);
}
