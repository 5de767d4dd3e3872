using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>A stored account holding one of the batch's unique keys.</summary>
public sealed record ExistingHolder(UniqueKey Key, string AccountId, AccountKind Kind);

public sealed record DepartmentRow(string Id, string? OpenDepartmentId, string? Code);

public sealed record CustomFieldRule(
    string Key, string DataType, string? OptionsJson, bool IsUnique = false, bool Encrypted = false, string? ProtectedHashKey = null)
{
    /// <summary>isUnique and encrypted, with what their checks need (see CustomFieldPromisesCheck).</summary>
    public CustomFields.Promises.CustomFieldFlags Flags { get; } = new(Key, DataType, OptionsJson, IsUnique, Encrypted, ProtectedHashKey);

    /// <summary>An ENUM's accepted strings (every option's value and label), read once per batch, not once per item.</summary>
    public IReadOnlySet<string> EnumOptions { get; } = ReadOptions(OptionsJson);

    private static HashSet<string> ReadOptions(string? optionsJson)
    {
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        if (optionsJson is null)
        {
            return accepted;
        }

        using var options = JsonDocument.Parse(optionsJson);
        if (options.RootElement.ValueKind != JsonValueKind.Array)
        {
            return accepted;
        }

        foreach (var option in options.RootElement.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object))
        {
            foreach (var name in (ReadOnlySpan<string>)["value", "label"])
            {
                if (option.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String)
                {
                    accepted.Add(text.GetString()!);
                }
            }
        }

        return accepted;
    }
}

/// <summary>What the database says about a batch's references and keys.</summary>
public sealed record LookupResult(
    IReadOnlyList<DepartmentRow> Departments,
    IReadOnlySet<string> TenantIds,
    IReadOnlyDictionary<string, CustomFieldRule> CustomFields,
    IReadOnlyList<ExistingHolder> Holders);

/// <summary>
/// Reads everything the checks need in one round trip (an NpgsqlBatch of up to four set-based queries, each sent only
/// when there is something to look for):
/// the referenced departments and tenants, the custom field definitions used, and, when asked for, the stored
/// accounts holding any of the batch's unique keys (unnest probing the unique indexes, never a query per row).
/// </summary>
public static class BatchLookups
{
    public static async Task<LookupResult> RunAsync(
        NpgsqlConnection connection, string poolId, IReadOnlyList<AccountDraft> drafts, bool conflicts, CancellationToken ct)
    {
        var keys = conflicts ? drafts.SelectMany(d => d.UniqueKeys()).ToList() : [];
        var references = drafts.SelectMany(d => d.DepartmentReferences).Distinct().ToArray();
        var tenantIds = drafts.SelectMany(d => d.TenantIds).Distinct().ToArray();
        var fieldKeys = drafts.SelectMany(CustomDataKeys).Distinct().ToArray();
        var departments = new List<DepartmentRow>();
        var tenants = new HashSet<string>(StringComparer.Ordinal);
        var fields = new Dictionary<string, CustomFieldRule>(StringComparer.Ordinal);
        // A query with nothing to look for is not sent (an update of profile fields asks for no department or tenant).
        var readers = new List<Func<NpgsqlDataReader, Task>>();
        await using var batch = new NpgsqlBatch(connection);
        if (references.Length > 0)
        {
            batch.BatchCommands.Add(Departments(poolId, references));
            readers.Add(r => ReadRowsAsync(r, row => departments.Add(new DepartmentRow(row.GetString(0), NullableString(row, 1), NullableString(row, 2))), ct));
        }

        if (tenantIds.Length > 0)
        {
            batch.BatchCommands.Add(Tenants(poolId, tenantIds));
            readers.Add(r => ReadRowsAsync(r, row => tenants.Add(row.GetString(0)), ct));
        }

        if (fieldKeys.Length > 0)
        {
            batch.BatchCommands.Add(CustomFields(poolId, fieldKeys));
            readers.Add(r => ReadRowsAsync(r, row => fields[row.GetString(0)] = new CustomFieldRule(row.GetString(0), row.GetString(1),
                NullableString(row, 2), row.GetBoolean(3), row.GetBoolean(4), NullableString(row, 5)), ct));
        }

        List<ExistingHolder> holders = [];
        if (conflicts && keys.Count > 0)
        {
            batch.BatchCommands.Add(ConflictQuery.Build(poolId, keys));
            readers.Add(async r => holders = await HoldersAsync(r, keys, ct));
        }

        if (readers.Count > 0)
        {
            await using var reader = await batch.ExecuteReaderAsync(ct);
            for (var i = 0; i < readers.Count; i++)
            {
                if (i > 0)
                {
                    await reader.NextResultAsync(ct);
                }

                await readers[i](reader);
            }
        }

        return new LookupResult(departments, tenants, fields, holders);
    }

    private static async Task ReadRowsAsync(NpgsqlDataReader reader, Action<NpgsqlDataReader> read, CancellationToken ct)
    {
        while (await reader.ReadAsync(ct))
        {
            read(reader);
        }
    }

    /// <summary>The conflict query alone, for a batch whose references were read without it.</summary>
    public static async Task<IReadOnlyList<ExistingHolder>> ConflictsAsync(
        NpgsqlConnection connection, string poolId, IReadOnlyList<AccountDraft> drafts, CancellationToken ct)
    {
        var keys = drafts.SelectMany(d => d.UniqueKeys()).ToList();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(ConflictQuery.Build(poolId, keys));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await HoldersAsync(reader, keys, ct);
    }

    private static async Task<List<ExistingHolder>> HoldersAsync(NpgsqlDataReader reader, List<UniqueKey> keys, CancellationToken ct)
    {
        var holders = new List<ExistingHolder>();
        while (await reader.ReadAsync(ct))
        {
            holders.Add(new ExistingHolder(keys[reader.GetInt32(0)], reader.GetString(1), (AccountKind)reader.GetInt16(2)));
        }

        return holders;
    }

    private static IEnumerable<string> CustomDataKeys(AccountDraft draft) =>
        draft.Item.CustomData is { ValueKind: JsonValueKind.Object } data ? data.EnumerateObject().Select(p => p.Name) : [];

    private static NpgsqlBatchCommand Departments(string poolId, string[] references) => Command("""
        SELECT id, open_department_id, code FROM departments
        WHERE user_pool_id = $1 AND (id = ANY($2) OR open_department_id = ANY($2) OR code = ANY($2))
        """, poolId, references);

    private static NpgsqlBatchCommand Tenants(string poolId, string[] ids) =>
        Command("SELECT id FROM tenants WHERE user_pool_id = $1 AND id = ANY($2)", poolId, ids);

    private static NpgsqlBatchCommand CustomFields(string poolId, string[] keys) => Command("""
        SELECT key, data_type, options::text, is_unique, encrypted, protected_hash_key FROM custom_field_definitions
        WHERE user_pool_id = $1 AND target_type = 'USER' AND key = ANY($2)
        """, poolId, keys);

    private static NpgsqlBatchCommand Command(string sql, string poolId, string[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = poolId });
        command.Parameters.Add(new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return command;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
