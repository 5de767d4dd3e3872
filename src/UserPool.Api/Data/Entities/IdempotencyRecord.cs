namespace UserPool.Api.Data.Entities;

/// <summary>
/// The answer given to a create request sent with an Idempotency-Key, written in the same transaction as
/// the accounts it created, so a retry (even after a crash or restart) gets the same answer again.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string UserPoolId { get; init; }
    public required string Key { get; init; }
    /// <summary>SHA-256 of the endpoint and the request body; the same key with another request is refused.</summary>
    public required string RequestHash { get; init; }
    public required string ResponseJson { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
}
