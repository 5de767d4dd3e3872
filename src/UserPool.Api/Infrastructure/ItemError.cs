using System.Text.Json.Serialization;

namespace UserPool.Api.Infrastructure;

/// <summary>One failing item of a batch: where (index, field path), a stable code and a message.</summary>
public sealed record ItemError(int? Index, string Field, string Code, string Message)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Conflict? Conflict { get; init; }
}

/// <summary>What an item collides with: another item of the same batch, or a stored account.</summary>
public sealed record Conflict(string With)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Index { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AccountId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AccountKind { get; init; }

    public static Conflict WithItem(int index) => new("item") { Index = index };
}
