namespace UserPool.Api.Data.Entities;

public sealed class AccountTenant
{
    public required string UserPoolId { get; init; }
    public required string AccountId { get; init; }
    public required string TenantId { get; init; }
    public DateTime CreatedAt { get; init; }
}
