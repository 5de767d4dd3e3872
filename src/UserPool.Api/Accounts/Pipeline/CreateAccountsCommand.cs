using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>What to create: items of one kind in one pool, with the batch's options.</summary>
public sealed record CreateAccountsCommand(
    string PoolId,
    AccountKind Kind,
    IReadOnlyList<CreateAccountItem?>? List,
    CreateAccountOptions? Options,
    bool SingleItem = false);
