using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.CustomFields.Promises;

/// <summary>A USER field's promises before set-custom-fields changed it.</summary>
public sealed record FieldState(bool IsUnique, bool Encrypted, string? Options)
{
    public static FieldState Of(CustomFieldDefinition field) => new(field.IsUnique, field.Encrypted, field.Options);
}

/// <summary>
/// Brings the stored values of a USER field in line with its new flags, inside set-custom-fields' transaction (after
/// it locked the definition FOR UPDATE, which account writes wait for): encrypts or decrypts every account's value,
/// and rebuilds the field's rows of custom_field_unique_values — or refuses, naming the values already held by more
/// than one account, when the field cannot become unique. Set-based: one read, one DELETE, one INSERT, one UPDATE.
/// </summary>
public static class FieldMigration
{
    /// <summary>Collisions listed in a refusal; the message gives the total.</summary>
    public const int MaxListedCollisions = 20;

    public static bool IsNeeded(FieldState before, CustomFieldDefinition after) =>
        before.IsUnique != after.IsUnique || before.Encrypted != after.Encrypted
        || (after.IsUnique && after.DataType == "ENUM" && before.Options != after.Options);

    public static async Task RunAsync(NpgsqlConnection connection, string poolId, int index, CustomFieldDefinition field, FieldState before,
        CustomFieldSecrets secrets, CancellationToken ct)
    {
        var values = await ReadValuesAsync(connection, poolId, field.Key, secrets, ct);
        var rebuildUnique = before.IsUnique || field.IsUnique;
        if (rebuildUnique)
        {
            var hashKey = field is { IsUnique: true, Encrypted: true } ? secrets.HashKey(field.ProtectedHashKey!) : null;
            var flags = new CustomFieldFlags(field.Key, field.DataType, field.Options, field.IsUnique, field.Encrypted, field.ProtectedHashKey);
            var hashed = field.IsUnique ? Hash(values, flags, hashKey) : [];
            RefuseCollisions(index, field, hashed);
            await using (var delete = new NpgsqlCommand("DELETE FROM custom_field_unique_values WHERE user_pool_id = $1 AND field_key = $2", connection))
            {
                Add(delete, poolId, field.Key);
                await delete.ExecuteNonQueryAsync(ct);
            }

            await using var command = new NpgsqlCommand(
                "INSERT INTO custom_field_unique_values (user_pool_id, field_key, value_hash, account_id) " +
                "SELECT $1, $2, v.value_hash, v.account_id FROM unnest($3::bytea[], $4::text[]) AS v(value_hash, account_id)", connection);
            Add(command, poolId, field.Key, (hashed.Select(h => h.Hash).ToArray(), NpgsqlDbType.Bytea), (hashed.Select(h => h.Value.AccountId).ToArray(), NpgsqlDbType.Text));
            await command.ExecuteNonQueryAsync(ct);
        }

        if (before.Encrypted != field.Encrypted && values.Count > 0)
        {
            var stored = values.Select(v => field.Encrypted ? secrets.ProtectValue(v.Value.RootElement) : v.Value.RootElement.GetRawText()).ToArray();
            await using var command = new NpgsqlCommand(
                "UPDATE accounts a SET custom_data = jsonb_set(a.custom_data, ARRAY[$2], v.value::jsonb) " +
                "FROM unnest($3::text[], $4::text[]) AS v(account_id, value) WHERE a.user_pool_id = $1 AND a.id = v.account_id", connection);
            Add(command, poolId, field.Key, (values.Select(v => v.AccountId).ToArray(), NpgsqlDbType.Text), (stored, NpgsqlDbType.Text));
            await command.ExecuteNonQueryAsync(ct);
        }

        foreach (var value in values)
        {
            value.Value.Dispose();
        }
    }

    private sealed record StoredValue(string AccountId, string Kind, JsonDocument Value);

    /// <summary>Every account's non-null value of the field, decrypted.</summary>
    private static async Task<List<StoredValue>> ReadValuesAsync(
        NpgsqlConnection connection, string poolId, string key, CustomFieldSecrets secrets, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, kind, custom_data -> $2 FROM accounts WHERE user_pool_id = $1 AND jsonb_typeof(custom_data -> $2) IS DISTINCT FROM 'null' " +
            "AND custom_data -> $2 IS NOT NULL ORDER BY created_at, id", connection);
        Add(command, poolId, key);
        var values = new List<StoredValue>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetString(0);
            using var stored = JsonDocument.Parse(reader.GetString(2));
            if (secrets.RevealValue(stored.RootElement, id, key) is { } plain)
            {
                values.Add(new StoredValue(id, Accounts.Pipeline.AccountKindNames.Of((AccountKind)reader.GetInt16(1)), JsonDocument.Parse(plain)));
            }
        }

        return values;
    }

    private static List<(StoredValue Value, byte[] Hash, string Canonical)> Hash(List<StoredValue> values, CustomFieldFlags flags, byte[]? hashKey) =>
        values.Select(v => (v, Canonical: CustomFieldCanonical.Of(flags, v.Value.RootElement)))
            .Where(v => v.Canonical is not null)
            .Select(v => (v.v, CustomFieldCanonical.Hash(v.Canonical!, hashKey), v.Canonical!))
            .ToList();

    private static void RefuseCollisions(int index, CustomFieldDefinition field, List<(StoredValue Value, byte[] Hash, string Canonical)> hashed)
    {
        var collisions = hashed.GroupBy(h => Convert.ToBase64String(h.Hash)).Where(g => g.Count() > 1).ToList();
        if (collisions.Count == 0)
        {
            return;
        }

        var message = RequestLanguage.Pick(
            $"自定义字段 {field.Key} 不能设为唯一：已有 {collisions.Count} 个值被多个账号使用",
            $"Custom field {field.Key} cannot become unique: {collisions.Count} values are held by more than one account");
        var errors = collisions.Take(MaxListedCollisions).Select(group =>
        {
            // An encrypted field's values are not repeated, even to the administrator who asks: the accounts say enough.
            var value = field.Encrypted ? RequestLanguage.Pick("同一个值", "one value") : group.First().Value.Value.RootElement.GetRawText();
            var holders = string.Join(", ", group.Select(h => $"{h.Value.Kind} {h.Value.AccountId}"));
            return new ItemError(null, $"list[{index}].isUnique", ErrorCodes.AlreadyExists,
                RequestLanguage.Pick($"{value} 被多个账号使用：{holders}", $"{value} is held by {holders}"));
        }).ToList();
        throw ApiException.Conflict(message, CustomUniqueValue.ApiCode, errors);
    }

    private static void Add(NpgsqlCommand command, string poolId, string key, params (Array Values, NpgsqlDbType Type)[] arrays)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = poolId });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        foreach (var (values, type) in arrays)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | type });
        }
    }
}
