namespace UserPool.Api.Data.Entities;

public sealed class Tenant
{
    public required string UserPoolId { get; init; }
    public required string Id { get; init; }
    public required string Name { get; set; }
    public required string Code { get; set; }
    public string? Description { get; set; }
    public string[] Logo { get; set; } = [];
    public string? RejectHint { get; set; }
    public string[] AppIds { get; set; } = [];
    public string? SourceAppId { get; set; }
    public string[] EnterpriseDomains { get; set; } = [];
    public DateTime? ExpireTime { get; set; }
    public int? MauAmount { get; set; }
    public int? MemberAmount { get; set; }
    public int? AdminAmount { get; set; }
    public string? Creator { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}
