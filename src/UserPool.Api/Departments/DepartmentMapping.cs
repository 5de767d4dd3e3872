using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Organizations;

namespace UserPool.Api.Departments;

internal static class DepartmentMapping
{
    /// <summary>An empty code or open id means none: each is unique in the pool, and "" would be taken once.</summary>
    public static Department New(string poolId, string id, Organization organization, ParentDepartment parent,
        CreateDepartmentRequest request, DateTime now) => new()
    {
        UserPoolId = poolId,
        Id = id,
        OrganizationId = organization.Id,
        ParentDepartmentId = parent.Id,
        OpenDepartmentId = OrganizationMapping.NullIfEmpty(request.OpenDepartmentId),
        Code = OrganizationMapping.NullIfEmpty(request.Code),
        Name = request.Name!,
        Description = request.Description,
        IsVirtualNode = request.IsVirtualNode ?? false,
        CustomData = RawJson.From(request.CustomData)?.Text,
        I18n = RawJson.From(request.I18n)?.Text,
        TenantId = OrganizationMapping.NullIfEmpty(request.TenantId),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>A new department has no members and no children yet.</summary>
    public static DepartmentDto ToDto(Department department, string organizationCode, ParentDepartment parent) => new()
    {
        OrganizationCode = organizationCode,
        DepartmentId = department.Id,
        CreatedAt = department.CreatedAt,
        UpdatedAt = department.UpdatedAt,
        OpenDepartmentId = department.OpenDepartmentId,
        Name = department.Name,
        Description = department.Description,
        ParentDepartmentId = parent.Id,
        ParentDepartmentCode = parent.Code ?? "",
        Code = department.Code,
        IsVirtualNode = department.IsVirtualNode,
        I18n = RawJson.From(department.I18n),
        CustomData = RawJson.From(department.CustomData) ?? RawJson.EmptyObject,
    };
}
