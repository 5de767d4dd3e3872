using Microsoft.EntityFrameworkCore;
using Npgsql;
using UserPool.Api.Data;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Reading;

/// <summary>
/// Finds the accounts that userIds name, in one statement for any number of ids: the candidates are unnested
/// beside their position and joined on the matching column, so an id costs an index probe. E-mail and
/// username arrive as their keys (AccountKey) and match the key columns their unique indexes hold. When an id matches several accounts (a
/// phone without its country code), +86 wins, then the oldest. Reads, existence checks and deletes all match
/// through <see cref="Matches"/>, so an id names the same account whichever endpoint is asked.
/// </summary>
internal static class AccountLookup
{
    // Only these fixed fragments vary; every value is a parameter ({0} pool, {1} kind, {2} values, {3} extras, {4} positions).
    private static readonly Dictionary<AccountIdType, string> Joins = new()
    {
        [AccountIdType.UserId] = AccountJoin(AccountIdType.UserId),
        [AccountIdType.ExternalId] = AccountJoin(AccountIdType.ExternalId),
        [AccountIdType.Email] = AccountJoin(AccountIdType.Email),
        [AccountIdType.Username] = AccountJoin(AccountIdType.Username),
        [AccountIdType.Phone] = AccountJoin(AccountIdType.Phone),
        [AccountIdType.Identity] =
            "JOIN identities i ON i.user_pool_id = {0} AND i.ext_idp_id = k.extra AND i.user_id_in_idp = k.value " +
            "JOIN accounts a ON a.user_pool_id = i.user_pool_id AND a.id = i.account_id",
    };

    // An id names at most one account (the primary key): it is joined once, without choosing among candidates.
    private static readonly Dictionary<AccountIdType, string> Statements = Joins.Keys.ToDictionary(type => type, type => type == AccountIdType.UserId
        ? "SELECT a.* FROM unnest({2}::text[], {4}::int[]) AS k(value, ord) " + Joins[type] + " WHERE a.kind = {1} ORDER BY k.ord"
        : "SELECT a.* FROM (" + Hits(type) + ") AS hit JOIN accounts a ON a.user_pool_id = {0} AND a.id = hit.id ORDER BY hit.ord");

    /// <summary>The accounts found, in the order of the keys that found them (an account found twice appears twice).</summary>
    public static Task<List<Account>> FindAsync(
        UserPoolDbContext db, string poolId, AccountKind kind, AccountIdType type, IReadOnlyList<AccountKey> keys, CancellationToken ct)
    {
        var (values, extras, positions) = Unnested(keys);
        return db.Accounts.FromSqlRaw(Statements[type], poolId, (short)kind, values, extras, positions)
            .AsNoTracking()
            .ToListAsync(ct);
    }

    /// <summary>The same, on a raw connection (AccountRows): for a writer that reads its accounts where it then writes them.</summary>
    public static async Task<List<Account>> FindAsync(
        NpgsqlConnection connection, string poolId, AccountKind kind, AccountIdType type, IReadOnlyList<AccountKey> keys, CancellationToken ct)
    {
        await using var command = Command(connection, Statements[type], poolId, kind, keys);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await AccountRows.ReadAllAsync(reader, ct);
    }

    /// <summary>Which key (by position) names which account id; keys that name none are absent. For writers on a raw connection.</summary>
    public static async Task<Dictionary<int, string>> FindIdsAsync(
        NpgsqlConnection connection, string poolId, AccountKind kind, AccountIdType type, IReadOnlyList<AccountKey> keys, CancellationToken ct)
    {
        await using var command = Command(connection, "SELECT hit.ord, hit.id FROM (" + Hits(type) + ") AS hit", poolId, kind, keys);
        var found = new Dictionary<int, string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found[reader.GetInt32(0)] = reader.GetString(1);
        }

        return found;
    }

    /// <summary>Whether one account of the kind meets every condition at once (is-user-exists); one statement.</summary>
    public static Task<bool> ExistsAsync(
        UserPoolDbContext db, string poolId, AccountKind kind, IReadOnlyList<AccountKey> conditions, CancellationToken ct)
    {
        // A + phone that parses as no phone has no candidate: it names nobody.
        if (conditions.Any(c => c.Candidates.Count != 1))
        {
            return Task.FromResult(false);
        }

        var sql = "SELECT a.* FROM accounts a WHERE a.user_pool_id = {0} AND a.kind = {1}" + string.Concat(conditions.Select((c, i) =>
            " AND " + Matches(c.Type, $"{{{2 + (2 * i)}}}", $"{{{3 + (2 * i)}}}::text")));
        object?[] parameters = [poolId, (short)kind, .. conditions.SelectMany(c => new object?[] { c.Candidates[0].Value, c.Candidates[0].Extra ?? (object)DBNull.Value })];
        return db.Accounts.FromSqlRaw(sql, parameters!).AnyAsync(ct);
    }

    /// <summary>
    /// The one rule of what a (value, extra) candidate matches in an account's columns. A phone with its country code
    /// (extra) matches the phone's key; without one, the national number of any country code.
    /// </summary>
    private static string Matches(AccountIdType type, string value, string extra) => type switch
    {
        AccountIdType.UserId => $"a.id = {value}",
        AccountIdType.ExternalId => $"a.external_id = {value}",
        AccountIdType.Email => $"a.email_key = {value}",
        AccountIdType.Username => $"a.username_key = {value}",
        AccountIdType.Phone => $"a.phone = {value} AND ({extra} IS NULL OR a.phone_key = {extra} || {value})",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "An identity is matched through the identities table"),
    };

    private static string AccountJoin(AccountIdType type) => "JOIN accounts a ON a.user_pool_id = {0} AND " + Matches(type, "k.value", "k.extra");

    private static string Hits(AccountIdType type) =>
        "SELECT DISTINCT ON (k.ord) k.ord, a.id " +
        "FROM unnest({2}::text[], {3}::text[], {4}::int[]) AS k(value, extra, ord) " + Joins[type] + " WHERE a.kind = {1} " +
        "ORDER BY k.ord, a.phone_country_code IS DISTINCT FROM '+86', a.created_at, a.id";

    /// <summary>A statement of this class ({0}…{4} as above) as a raw command, its values as positional parameters.</summary>
    private static NpgsqlCommand Command(NpgsqlConnection connection, string statement, string poolId, AccountKind kind, IReadOnlyList<AccountKey> keys)
    {
        var (values, extras, positions) = Unnested(keys);
        var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, statement, "$1", "$2", "$3", "$4", "$5"), connection);
        foreach (var value in new object[] { poolId, (short)kind, values, extras, positions })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static (string[] Values, string?[] Extras, int[] Positions) Unnested(IReadOnlyList<AccountKey> keys)
    {
        var candidates = keys.SelectMany((key, ord) => key.Candidates.Select(c => (c.Value, c.Extra, Ord: ord))).ToList();
        return (candidates.Select(c => c.Value).ToArray(), candidates.Select(c => c.Extra).ToArray(), candidates.Select(c => c.Ord).ToArray());
    }
}
