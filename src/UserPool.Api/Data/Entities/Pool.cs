namespace UserPool.Api.Data.Entities;

/// <summary>A user pool: the unit of isolation. Every other row belongs to exactly one.</summary>
public sealed class Pool
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; init; }
}
