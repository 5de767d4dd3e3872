using Npgsql;
using NpgsqlTypes;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// One statement finding every stored account that holds any of the batch's unique keys. Each key kind
/// is an unnest of the batch's values, each value probing its unique index through a LATERAL subquery
/// (LIMIT 1: the index is unique), so the cost grows with the batch, not the pool. A plain join let the
/// planner hash the whole pool whenever its statistics lagged behind a fresh import (measured: 150 ms
/// instead of 8 ms for 500 users in a 40,000-account pool). E-mail, phone and username are compared by the
/// keys the application's normalizer computed, the very values their unique indexes hold.
/// </summary>
public static class ConflictQuery
{
    private const string Sql = """
        SELECT k.ord, a.id, a.kind FROM unnest($2::text[], $3::int[]) AS k(value, ord)
          CROSS JOIN LATERAL (SELECT a.id, a.kind FROM accounts a
            WHERE a.user_pool_id = $1 AND a.email_key = k.value LIMIT 1) a
        UNION ALL
        SELECT k.ord, a.id, a.kind FROM unnest($4::text[], $5::int[]) AS k(value, ord)
          CROSS JOIN LATERAL (SELECT a.id, a.kind FROM accounts a
            WHERE a.user_pool_id = $1 AND a.phone_key = k.value LIMIT 1) a
        UNION ALL
        SELECT k.ord, a.id, a.kind FROM unnest($6::text[], $7::int[]) AS k(value, ord)
          CROSS JOIN LATERAL (SELECT a.id, a.kind FROM accounts a
            WHERE a.user_pool_id = $1 AND a.username_key = k.value LIMIT 1) a
        UNION ALL
        SELECT k.ord, a.id, a.kind FROM unnest($8::text[], $9::int[]) AS k(value, ord)
          CROSS JOIN LATERAL (SELECT a.id, a.kind FROM accounts a
            WHERE a.user_pool_id = $1 AND a.external_id = k.value LIMIT 1) a
        UNION ALL
        SELECT k.ord, a.id, a.kind FROM unnest($10::text[], $11::text[], $12::text[], $13::int[]) AS k(ext_idp_id, type, user_id_in_idp, ord)
          CROSS JOIN LATERAL (SELECT a.id, a.kind FROM identities i
            JOIN accounts a ON a.user_pool_id = i.user_pool_id AND a.id = i.account_id
            WHERE i.user_pool_id = $1 AND i.ext_idp_id = k.ext_idp_id AND i.type = k.type AND i.user_id_in_idp = k.user_id_in_idp LIMIT 1) a
        """;

    /// <summary>The query's first column is the position of the key in <paramref name="keys"/>.</summary>
    public static NpgsqlBatchCommand Build(string poolId, IReadOnlyList<UniqueKey> keys)
    {
        var command = new NpgsqlBatchCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter { Value = poolId });
        AddColumns(command, keys, UniqueKeyKind.Email, k => [k.Normalized]);
        AddColumns(command, keys, UniqueKeyKind.Phone, k => [k.Normalized]);
        AddColumns(command, keys, UniqueKeyKind.Username, k => [k.Normalized]);
        AddColumns(command, keys, UniqueKeyKind.ExternalId, k => [k.Normalized]);
        AddColumns(command, keys, UniqueKeyKind.Identity, k => k.Normalized.Split('\u001f'));
        return command;
    }

    /// <summary>Adds one text[] parameter per part of the key, then the int[] of the keys' positions.</summary>
    private static void AddColumns(NpgsqlBatchCommand command, IReadOnlyList<UniqueKey> keys, UniqueKeyKind kind, Func<UniqueKey, string[]> parts)
    {
        var selected = keys.Select((key, ord) => (key, ord)).Where(k => k.key.Kind == kind).ToList();
        var width = kind == UniqueKeyKind.Identity ? 3 : 1;
        for (var column = 0; column < width; column++)
        {
            var values = selected.Select(k => parts(k.key)[column]).ToArray();
            command.Parameters.Add(new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        }

        command.Parameters.Add(new NpgsqlParameter { Value = selected.Select(k => k.ord).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
    }
}
