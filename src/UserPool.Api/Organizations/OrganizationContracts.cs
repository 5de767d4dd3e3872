using System.Text.Json;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Organizations;

/// <summary>CreateOrganizationReqDto. metadata is declared required by the SDK but never sent by its tests.</summary>
public sealed record CreateOrganizationRequest
{
    public string? OrganizationName { get; init; }
    /// <summary>Required; an empty string asks the server to generate one (the SDK's tests expect "" to succeed).</summary>
    public string? OrganizationCode { get; init; }
    public string? Description { get; init; }
    /// <summary>The open (third-party) id of the root department.</summary>
    public string? OpenDepartmentId { get; init; }
    /// <summary>OrganizationNameI18nDto {organizationName: LangObject}.</summary>
    public JsonElement? I18n { get; init; }
    public string? TenantId { get; init; }
    public string[]? PostIdList { get; init; }
    public JsonElement? Metadata { get; init; }
}

/// <summary>OrganizationDto. departmentId is the root department, whose id is the organization's.</summary>
public sealed record OrganizationDto
{
    public required string OrganizationCode { get; init; }
    public required string OrganizationName { get; init; }
    public string? Description { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public string? OpenDepartmentId { get; init; }
    public bool HasChildren { get; init; }
    public IReadOnlyList<string> LeaderUserIds { get; init; } = [];
    public int MembersCount { get; init; }
    public bool IsVirtualNode { get; init; }
    public RawJson? I18n { get; init; }
    public string? TenantId { get; init; }
    public required string DepartmentId { get; init; }
}
