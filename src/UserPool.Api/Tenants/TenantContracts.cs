using System.Text.Json;

namespace UserPool.Api.Tenants;

/// <summary>
/// CreateTenantDto. appIds is declared required but the SDK's tests omit it; logo is an array of URLs in the
/// SDK's request type and a string in its answer type, so both forms are accepted.
/// </summary>
public sealed record CreateTenantRequest
{
    public string? Name { get; init; }
    public string[]? AppIds { get; init; }
    public JsonElement? Logo { get; init; }
    public string? Description { get; init; }
    public string? RejectHint { get; init; }
    public string? SourceAppId { get; init; }
    public string[]? EnterpriseDomains { get; init; }
    /// <summary>A date (2025-12-31) or an ISO 8601 date-time; UTC when no offset is given.</summary>
    public string? ExpireTime { get; init; }
    public int? MauAmount { get; init; }
    public int? MemberAmount { get; init; }
    public int? AdminAmount { get; init; }
}

/// <summary>TenantDto. logo is the first logo, or "" when there is none.</summary>
public sealed record TenantDto
{
    public required string TenantId { get; init; }
    public required string UserPoolId { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string Logo { get; init; }
    public string? RejectHint { get; init; }
    public required IReadOnlyList<string> AppIds { get; init; }
    public required string Creator { get; init; }
    public required string SourceAppId { get; init; }
    public required string Source { get; init; }
    public required string Code { get; init; }
    public required string Host { get; init; }
    public required IReadOnlyList<string> EnterpriseDomains { get; init; }
}
