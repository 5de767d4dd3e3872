using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using UserPool.Api.CustomFields.Promises;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// Keeps the promises of a batch's custom fields: encrypts the values of encrypted fields in the row to write, and
/// hashes the values of isUnique fields, refusing one that repeats an earlier item's (naming it) or a stored
/// account's (naming the holder), exactly as the built-in unique keys do. The side table's unique index has the
/// final word in the write; this step only names the conflicts, so dryRun answers what the write would.
/// </summary>
public static class CustomFieldPromisesCheck
{
    private const string HoldersSql = """
        SELECT k.ord, a.id, a.kind FROM unnest($2::text[], $3::bytea[], $4::int[]) AS k(field_key, value_hash, ord)
          JOIN custom_field_unique_values v ON v.user_pool_id = $1 AND v.field_key = k.field_key AND v.value_hash = k.value_hash
          JOIN accounts a ON a.user_pool_id = v.user_pool_id AND a.id = v.account_id
        """;

    public static async Task ApplyAsync(NpgsqlConnection connection, string poolId, IReadOnlyList<AccountDraft> drafts,
        IReadOnlyDictionary<string, CustomFieldRule> fields, CustomFieldSecrets secrets, BatchErrors errors, CancellationToken ct,
        Func<int, string, string, bool>? isNoConflict = null)
    {
        var hashKeys = fields.Values.Where(f => f is { IsUnique: true, Encrypted: true })
            .ToDictionary(f => f.Key, f => secrets.HashKey(f.ProtectedHashKey!));
        foreach (var draft in drafts)
        {
            Prepare(draft, fields, secrets, hashKeys);
        }

        var values = drafts.SelectMany(d => d.UniqueCustomValues).ToList();
        if (values.Count == 0)
        {
            return;
        }

        var firstHolder = new Dictionary<(string, string), int>();
        foreach (var value in values)
        {
            if (!firstHolder.TryAdd((value.Key, Convert.ToBase64String(value.Hash)), value.Index))
            {
                var first = firstHolder[(value.Key, Convert.ToBase64String(value.Hash))];
                errors.DuplicateOf(value.Index, value.Field, value.DuplicateMessage(first), first);
            }
        }

        await foreach (var (value, holderId, holderKind) in HoldersAsync(connection, poolId, values, ct))
        {
            if (isNoConflict?.Invoke(value.Index, value.Key, holderId) == true)
            {
                // An update: the account keeps its own value, or a batch member gives it up in the same write.
                continue;
            }

            errors.Conflicting(value.Index, value.Field, value.ConflictMessage(holderKind, holderId), CustomUniqueValue.ApiCode,
                new Conflict("existing") { AccountId = holderId, AccountKind = holderKind });
        }
    }

    /// <summary>Recomputed from the item each time, so the check may run again after a refused write.</summary>
    private static void Prepare(AccountDraft draft, IReadOnlyDictionary<string, CustomFieldRule> fields, CustomFieldSecrets secrets,
        Dictionary<string, byte[]> hashKeys)
    {
        draft.UniqueCustomValues.Clear();
        if (draft.Item.CustomData is not { ValueKind: JsonValueKind.Object } data)
        {
            return;
        }

        draft.CustomFields = data.EnumerateObject().Select(p => fields.GetValueOrDefault(p.Name)).OfType<CustomFieldRule>().ToList();
        var encrypted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            if (fields.GetValueOrDefault(property.Name) is not { Flags.HasPromises: true } rule
                || CustomFieldCanonical.Of(rule.Flags, property.Value) is not { } canonical)
            {
                continue;
            }

            if (rule.Encrypted)
            {
                encrypted.Add(rule.Key);
            }

            if (rule.IsUnique)
            {
                var hash = CustomFieldCanonical.Hash(canonical, hashKeys.GetValueOrDefault(rule.Key));
                draft.UniqueCustomValues.Add(new CustomUniqueValue(draft.Index, rule.Key, hash, rule.Encrypted ? null : property.Value.GetRawText()));
            }
        }

        draft.Account.CustomData = encrypted.Count > 0 ? secrets.ProtectEntries(data, encrypted) : RawJson.From(draft.Item.CustomData)?.Text;
    }

    private static async IAsyncEnumerable<(CustomUniqueValue Value, string HolderId, string HolderKind)> HoldersAsync(
        NpgsqlConnection connection, string poolId, List<CustomUniqueValue> values,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(HoldersSql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = poolId });
        command.Parameters.Add(new NpgsqlParameter { Value = values.Select(v => v.Key).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = values.Select(v => v.Hash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { Value = Enumerable.Range(0, values.Count).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return (values[reader.GetInt32(0)], reader.GetString(1), Accounts.Pipeline.AccountKindNames.Of((AccountKind)reader.GetInt16(2)));
        }
    }
}
