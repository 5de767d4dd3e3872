using Microsoft.EntityFrameworkCore;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.CustomFields.Promises;
using UserPool.Api.Data;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Security;

namespace UserPool.Api.Accounts.Reading;

/// <summary>
/// Reads users and public accounts; the kind is a parameter, so both answer through the same code. Every read
/// is scoped to the caller's pool and kind: a public account is not a user, nor the other way round.
/// Each read runs in the pool's turn and under the read statement timeout (<see cref="ReadTransaction"/>), after
/// the request has been checked: a refused request never reaches the database.
/// </summary>
internal sealed class AccountReader(UserPoolDbContext db, CustomFieldSecrets customFieldSecrets, ReadTransaction reads)
{
    /// <summary>get-user and get-public-account: the account a query's userId and userIdType name, or a 404.</summary>
    public async Task<AccountView> GetAsync(
        CurrentPool pool, AccountKind kind, string? userId, string? userIdType, AccountReadOptions options, CancellationToken ct)
    {
        var key = AccountReadRequests.Key(userId, userIdType);
        var views = await reads.RunAsync(pool.Id, async () =>
        {
            var found = await AccountLookup.FindAsync(db, pool.Id, kind, key.Type, [key], ct);
            return found.Count == 0 ? [] : await ViewsAsync(pool, kind, found, options, ct);
        }, ct);
        return views.Count == 0 ? throw ApiException.NotFound(ReadMessages.NotFound(kind), ReadMessages.NotFoundApiCode) : views[0];
    }

    /// <summary>
    /// get-user-batch and get-public-account-batch: the accounts the userIds name, in their order; unknown ids are left out,
    /// repeated ones answered once.
    /// </summary>
    public async Task<IReadOnlyList<AccountView>> GetManyAsync(
        CurrentPool pool, AccountKind kind, IReadOnlyList<string> userIds, string? userIdType, AccountReadOptions options, CancellationToken ct)
    {
        var type = AccountIdTypes.Parse(userIdType);
        var keys = AccountReadRequests.Keys(userIds, type);
        if (keys.Count == 0)
        {
            return [];
        }

        return await reads.RunAsync(pool.Id, async () =>
        {
            var found = await AccountLookup.FindAsync(db, pool.Id, kind, type, keys, ct);
            return await ViewsAsync(pool, kind, found.DistinctBy(a => a.Id).ToList(), options, ct);
        }, ct);
    }

    /// <summary>Whether an account of the kind meets every condition (is-user-exists), in the pool's read turn.</summary>
    public Task<bool> ExistsAsync(CurrentPool pool, AccountKind kind, IReadOnlyList<AccountKey> conditions, CancellationToken ct) =>
        reads.RunAsync(pool.Id, () => AccountLookup.ExistsAsync(db, pool.Id, kind, conditions, ct), ct);

    /// <summary>
    /// One page and the total in one statement (the count is an uncorrelated subquery PostgreSQL runs once);
    /// only a page past the end needs a second one for the total.
    /// </summary>
    public async Task<Paged<AccountView>> ListAsync(CurrentPool pool, AccountKind kind, ListAccountsRequest? request, CancellationToken ct)
    {
        var query = ListQuery.From(request, new FilterScope(db.AccountDepartments.AsNoTracking()));
        return await reads.RunAsync(pool.Id, () => PageAsync(pool, kind, query, ct), ct);
    }

    private async Task<Paged<AccountView>> PageAsync(CurrentPool pool, AccountKind kind, ListQuery query, CancellationToken ct)
    {
        var matching = db.Accounts.AsNoTracking().Where(a => a.UserPoolId == pool.Id && a.Kind == kind);
        matching = query.Filters.Aggregate(matching, (accounts, filter) => accounts.Where(filter));
        var rows = await query.Order(matching).Skip(query.Pagination.Offset).Take(query.Pagination.Limit)
            .Select(a => new { Account = a, Total = matching.Count() })
            .ToListAsync(ct);
        var total = rows.Count > 0 ? rows[0].Total : query.Pagination.Offset == 0 ? 0 : await matching.CountAsync(ct);
        var views = await ViewsAsync(pool, kind, rows.Select(r => r.Account).ToList(), query.Options, ct);
        return new Paged<AccountView>(total, views);
    }

    /// <summary>The asked-for collections of all the accounts at once: one query for identities, one for departments.</summary>
    private async Task<List<AccountView>> ViewsAsync(
        CurrentPool pool, AccountKind kind, IReadOnlyList<Account> accounts, AccountReadOptions options, CancellationToken ct)
    {
        var ids = accounts.Select(a => a.Id).ToArray();
        // A public account has neither identities nor posts to answer.
        var withIdentities = options.WithIdentities && kind == AccountKind.User;
        var identities = withIdentities && ids.Length > 0
            ? (await db.Identities.AsNoTracking()
                .Where(i => i.UserPoolId == pool.Id && ids.Contains(i.AccountId))
                .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
                .ToListAsync(ct)).ToLookup(i => i.AccountId)
            : null;
        var departments = options.WithDepartmentIds && ids.Length > 0
            ? (await db.AccountDepartments.AsNoTracking()
                .Where(m => m.UserPoolId == pool.Id && ids.Contains(m.AccountId))
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.DepartmentId)
                .Select(m => new { m.AccountId, m.DepartmentId })
                .ToListAsync(ct)).ToLookup(m => m.AccountId, m => m.DepartmentId)
            : null;
        return accounts.Select(a =>
        {
            // Values of encrypted custom fields are stored encrypted; every read answers them decrypted.
            var customData = options.WithCustomData || options.FlatCustomData ? customFieldSecrets.Reveal(a.CustomData, a.Id) : null;
            return new AccountView(
                a,
                options.WithDepartmentIds ? departments?[a.Id].ToList() ?? [] : null,
                withIdentities ? identities?[a.Id].ToList() ?? [] : null,
                options.WithCustomData ? RawJson.From(customData) ?? RawJson.EmptyObject : null)
            {
                WithPostIds = options.WithPost && kind == AccountKind.User,
                FlatCustomData = options.FlatCustomData ? FlatCustomData.Of(customData) : null,
            };
        }).ToList();
    }
}

/// <summary>UserPagingDto / PublicAccountPagingDto.</summary>
public sealed record Paged<T>(int TotalCount, IReadOnlyList<T> List)
{
    public Paged<TAnswer> Map<TAnswer>(Func<T, TAnswer> map) => new(TotalCount, List.Select(map).ToList());
}
