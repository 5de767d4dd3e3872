using Microsoft.EntityFrameworkCore;
using UserPool.Api.Data;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Reading;

/// <summary>
/// Finds the accounts that userIds name, in one statement for any number of ids: the candidates are unnested
/// beside their position and joined on the matching column, so an id costs an index probe. E-mail and
/// username arrive as their keys (AccountKey) and match the key columns their unique indexes hold. When an id matches several accounts (a
/// phone without its country code), +86 wins, then the oldest.
/// </summary>
internal static class AccountLookup
{
    // Only these fixed fragments vary; every value is a parameter.
    private static readonly Dictionary<AccountIdType, string> Statements = new()
    {
        [AccountIdType.UserId] = Statement("JOIN accounts a ON a.user_pool_id = {0} AND a.id = k.value"),
        [AccountIdType.ExternalId] = Statement("JOIN accounts a ON a.user_pool_id = {0} AND a.external_id = k.value"),
        [AccountIdType.Email] = Statement("JOIN accounts a ON a.user_pool_id = {0} AND a.email_key = k.value"),
        [AccountIdType.Username] = Statement("JOIN accounts a ON a.user_pool_id = {0} AND a.username_key = k.value"),
        [AccountIdType.Phone] = Statement(
            "JOIN accounts a ON a.user_pool_id = {0} AND a.phone = k.value AND (k.extra IS NULL OR a.phone_key = k.extra || k.value)"),
        [AccountIdType.Identity] = Statement(
            "JOIN identities i ON i.user_pool_id = {0} AND i.ext_idp_id = k.extra AND i.user_id_in_idp = k.value " +
            "JOIN accounts a ON a.user_pool_id = i.user_pool_id AND a.id = i.account_id"),
    };

    /// <summary>The accounts found, in the order of the keys that found them (an account found twice appears twice).</summary>
    public static Task<List<Account>> FindAsync(
        UserPoolDbContext db, string poolId, AccountKind kind, AccountIdType type, IReadOnlyList<AccountKey> keys, CancellationToken ct)
    {
        var candidates = keys.SelectMany((key, ord) => key.Candidates.Select(c => (c.Value, c.Extra, Ord: ord))).ToList();
        return db.Accounts.FromSqlRaw(Statements[type],
                poolId,
                (short)kind,
                candidates.Select(c => c.Value).ToArray(),
                candidates.Select(c => c.Extra).ToArray(),
                candidates.Select(c => c.Ord).ToArray())
            .AsNoTracking()
            .ToListAsync(ct);
    }

    private static string Statement(string join) =>
        "SELECT a.* FROM (SELECT DISTINCT ON (k.ord) k.ord, a.id " +
        "FROM unnest({2}::text[], {3}::text[], {4}::int[]) AS k(value, extra, ord) " + join + " WHERE a.kind = {1} " +
        "ORDER BY k.ord, a.phone_country_code IS DISTINCT FROM '+86', a.created_at, a.id) AS hit " +
        "JOIN accounts a ON a.user_pool_id = {0} AND a.id = hit.id ORDER BY hit.ord";
}
