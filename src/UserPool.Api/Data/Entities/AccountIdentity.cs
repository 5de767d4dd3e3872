namespace UserPool.Api.Data.Entities;

/// <summary>An account's identity at an external identity provider (extIdpId, type, userIdInIdp is unique per pool).</summary>
public sealed class AccountIdentity
{
    public required string UserPoolId { get; init; }
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string ExtIdpId { get; init; }
    public required string Provider { get; init; }
    public required string Type { get; init; }
    public required string UserIdInIdp { get; init; }
    public string? UserInfoInIdp { get; set; }
    public string[] OriginConnIds { get; set; } = [];
    /// <summary>Provider tokens are stored protected and never returned by the management API.</summary>
    public string? ProtectedAccessToken { get; set; }
    public string? ProtectedRefreshToken { get; set; }
    public DateTime CreatedAt { get; init; }
}
