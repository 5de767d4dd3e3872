using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Contracts;

/// <summary>CreateUserBatchReqDto / CreatePublicAccountBatchReqDto.</summary>
public sealed record CreateAccountsBatchRequest : StrictJsonObject
{
    public IReadOnlyList<CreateAccountItem>? List { get; init; }
    public CreateAccountOptions? Options { get; init; }
}
