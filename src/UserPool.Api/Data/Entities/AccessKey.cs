namespace UserPool.Api.Data.Entities;

/// <summary>A management API credential. The secret is stored protected (ASP.NET Core Data Protection).</summary>
public sealed class AccessKey
{
    public required string UserPoolId { get; init; }
    public required string Id { get; init; }
    public required string ProtectedSecret { get; set; }
    public string? Description { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? RevokedAt { get; set; }
    /// <summary>When a request last authenticated with the key; written at most once a minute per key and server.</summary>
    public DateTime? LastUsedAt { get; set; }
}
