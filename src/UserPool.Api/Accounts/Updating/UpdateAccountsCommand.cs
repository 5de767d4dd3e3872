using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Idempotency;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Updating;

/// <summary>What to change: items of one kind in one pool, with the batch's options (a single update's own options).</summary>
public sealed record UpdateAccountsCommand(
    string PoolId,
    AccountKind Kind,
    IReadOnlyList<UpdateAccountItem?>? List,
    UpdateAccountOptions? Options,
    bool SingleItem = false)
{
    /// <summary>Set when the request carries an Idempotency-Key: its answer is stored with the batch.</summary>
    public IdempotencyTicket? Idempotency { get; init; }
}
