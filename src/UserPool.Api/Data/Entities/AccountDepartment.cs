namespace UserPool.Api.Data.Entities;

public sealed class AccountDepartment
{
    public required string UserPoolId { get; init; }
    public required string AccountId { get; init; }
    public required string DepartmentId { get; init; }
    public DateTime CreatedAt { get; init; }
}
