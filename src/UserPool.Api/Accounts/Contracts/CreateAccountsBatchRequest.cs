namespace UserPool.Api.Accounts.Contracts;

/// <summary>CreateUserBatchReqDto / CreatePublicAccountBatchReqDto.</summary>
public sealed record CreateAccountsBatchRequest
{
    public IReadOnlyList<CreateAccountItem>? List { get; init; }
    public CreateAccountOptions? Options { get; init; }
}
