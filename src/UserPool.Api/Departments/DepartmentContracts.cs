using System.Text.Json;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Departments;

/// <summary>
/// CreateDepartmentReqDto. parentDepartmentId is "root" or a department of the same organization, read as
/// departmentIdType says (department_id by default). metadata is declared required by the SDK but never
/// sent by its tests; it is checked and not kept.
/// </summary>
public sealed record CreateDepartmentRequest
{
    public string? OrganizationCode { get; init; }
    public string? Name { get; init; }
    public string? ParentDepartmentId { get; init; }
    public JsonElement? Metadata { get; init; }
    public string? OpenDepartmentId { get; init; }
    public string? Description { get; init; }
    public string? Code { get; init; }
    public bool? IsVirtualNode { get; init; }
    /// <summary>DepartmentI18nDto {name: LangObject}.</summary>
    public JsonElement? I18n { get; init; }
    public JsonElement? CustomData { get; init; }
    public string? DepartmentIdType { get; init; }
    public string[]? PostIdList { get; init; }
    public string? TenantId { get; init; }
}

/// <summary>DepartmentDto.</summary>
public sealed record DepartmentDto
{
    public required string OrganizationCode { get; init; }
    public required string DepartmentId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public string? OpenDepartmentId { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> LeaderUserIds { get; init; } = [];
    public string? Description { get; init; }
    public required string ParentDepartmentId { get; init; }
    public required string ParentDepartmentCode { get; init; }
    public string? Code { get; init; }
    public int MembersCount { get; init; }
    public bool HasChildren { get; init; }
    public bool IsVirtualNode { get; init; }
    public RawJson? I18n { get; init; }
    public required RawJson CustomData { get; init; }
}

/// <summary>The parent a new department hangs under.</summary>
public sealed record ParentDepartment(string Id, string? Code);
