using UserPool.Api.Infrastructure;

namespace UserPool.Api.Departments;

/// <summary>Sizes of department (and organization) fields, within the columns' limits.</summary>
public static class DepartmentRules
{
    public const int NameLength = 256;
    public const int DescriptionLength = 1024;
    public const int OpenDepartmentIdLength = 128;
    public const int CodeLength = 128;

    /// <summary>The parent "root" names an organization's root department, whatever departmentIdType says.</summary>
    public const string Root = "root";

    public static bool IsTrimmed(string value) => value.Trim() == value;

    /// <summary>Departments are addressed by id, open id or code; the sync-relation and custom-field forms are not kept here.</summary>
    public static readonly string[] UnsupportedIdTypes = ["sync_relation", "custom_field"];

    public static string NotSupported(string field) =>
        RequestLanguage.Pick($"暂不支持参数 {field}", $"Parameter {field} is not supported");

    public static string IdTypeNotSupported(string idType) =>
        RequestLanguage.Pick($"departmentIdType 暂不支持 {idType}", $"departmentIdType {idType} is not supported");

    public static string ParentNotFound(string parent, string organizationCode) =>
        RequestLanguage.Pick($"组织 {organizationCode} 中不存在父部门 {parent}",
            $"parent department {parent} not found in organization {organizationCode}");
}
