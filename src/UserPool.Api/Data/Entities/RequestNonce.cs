namespace UserPool.Api.Data.Entities;

/// <summary>A signature nonce seen inside the date window; a second use is a replay.</summary>
public sealed class RequestNonce
{
    public required string UserPoolId { get; init; }
    public required string AccessKeyId { get; init; }
    public required string Nonce { get; init; }
    public DateTime SeenAt { get; init; }
}
