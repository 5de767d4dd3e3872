using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Data.Entities;
using UserPool.Api.Security;

namespace UserPool.Api.Accounts;

/// <summary>
/// The four create endpoints (users and public accounts, batch and single) are this one call with the
/// kind as a parameter. A single create is a batch of one whose top-level options are the item's options.
/// </summary>
public static class AccountCreation
{
    public static Task<IReadOnlyList<AccountView>> CreateBatchAsync(
        CreateAccountsPipeline pipeline, CurrentPool pool, AccountKind kind, CreateAccountsBatchRequest? request, CancellationToken ct) =>
        pipeline.CreateAsync(new CreateAccountsCommand(pool.Id, kind, request?.List, request?.Options), ct);

    public static async Task<AccountView> CreateOneAsync(
        CreateAccountsPipeline pipeline, CurrentPool pool, AccountKind kind, CreateAccountItem? item, CancellationToken ct)
    {
        var created = await pipeline.CreateAsync(
            new CreateAccountsCommand(pool.Id, kind, [item ?? new CreateAccountItem()], item?.Options, SingleItem: true), ct);
        return created[0];
    }
}
