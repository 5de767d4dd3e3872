using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Idempotency;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>What to create: items of one kind in one pool, with the batch's options.</summary>
public sealed record CreateAccountsCommand(
    string PoolId,
    AccountKind Kind,
    IReadOnlyList<CreateAccountItem?>? List,
    CreateAccountOptions? Options,
    bool SingleItem = false)
{
    /// <summary>Set when the request carries an Idempotency-Key: its answer is stored with the batch.</summary>
    public IdempotencyTicket? Idempotency { get; init; }
}
