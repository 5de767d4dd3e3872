namespace UserPool.Api.Data.Entities;

/// <summary>A department, addressable by its id, its open (third-party) id or its code.</summary>
public sealed class Department
{
    public required string UserPoolId { get; init; }
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    /// <summary>Null for an organization's root department.</summary>
    public string? ParentDepartmentId { get; set; }
    public string? OpenDepartmentId { get; set; }
    public string? Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public bool IsVirtualNode { get; set; }
    public string? CustomData { get; set; }
    public string? I18n { get; set; }
    public string? TenantId { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}
