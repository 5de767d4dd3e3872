namespace UserPool.Api.Data.Entities;

/// <summary>An organization is a tree of departments; its root department carries the organization's id.</summary>
public sealed class Organization
{
    public required string UserPoolId { get; init; }
    public required string Id { get; init; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? OpenDepartmentId { get; set; }
    public string? TenantId { get; set; }
    public string? I18n { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}
