using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Contracts;

/// <summary>UpdateUserBatchReqDto / UpdatePublicAccountBatchReqDto.</summary>
public sealed record UpdateAccountsBatchRequest : StrictJsonObject
{
    public IReadOnlyList<UpdateAccountItem>? List { get; init; }
    public UpdateAccountOptions? Options { get; init; }
}
