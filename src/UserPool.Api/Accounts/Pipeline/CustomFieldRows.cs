using Npgsql;
using NpgsqlTypes;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// The custom-field part of a batch's transaction, riding in the round trip of the batch's other rows: locks the
/// definitions the batch used (FOR SHARE, in key order) and refuses the batch if set-custom-fields changed their
/// isUnique or encrypted since the checks, then inserts the unique values. set-custom-fields locks the same rows FOR UPDATE before it migrates stored values, so
/// either it waits for this batch and migrates its rows too, or this batch sees the new flags: no value escapes.
/// </summary>
public static class CustomFieldRows
{
    private const string LockSql = """
        SELECT key, is_unique, encrypted FROM custom_field_definitions
        WHERE user_pool_id = $1 AND target_type = 'USER' AND key = ANY($2) ORDER BY key FOR SHARE
        """;

    private const string InsertSql = """
        INSERT INTO custom_field_unique_values (user_pool_id, field_key, value_hash, account_id)
        SELECT $1, k.field_key, k.value_hash, k.account_id FROM unnest($2::text[], $3::bytea[], $4::text[]) AS k(field_key, value_hash, account_id)
        """;

    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<AccountDraft> drafts, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        if (AddTo(batch, drafts) is not { } check)
        {
            return;
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        await check(reader, ct);
        while (await reader.NextResultAsync(ct))
        {
        }
    }

    /// <summary>
    /// Adds the lock (first, so its rows are the batch's first result) and the unique values to a batch of the write;
    /// returns what reads the lock's rows and refuses the batch if a flag changed, or null when no custom field is used.
    /// </summary>
    public static Func<NpgsqlDataReader, CancellationToken, Task>? AddTo(NpgsqlBatch batch, IReadOnlyList<AccountDraft> drafts)
    {
        var used = drafts.SelectMany(d => d.CustomFields).DistinctBy(f => f.Key).ToDictionary(f => f.Key);
        if (used.Count == 0)
        {
            return null;
        }

        var poolId = drafts[0].Account.UserPoolId;
        var rows = drafts.SelectMany(d => d.UniqueCustomValues.Select(v => (v, d.Account.Id))).ToList();
        batch.BatchCommands.Insert(0, Command(LockSql, poolId, (used.Keys.ToArray(), NpgsqlDbType.Text)));
        if (rows.Count > 0)
        {
            batch.BatchCommands.Add(Command(InsertSql, poolId, (rows.Select(r => r.v.Key).ToArray(), NpgsqlDbType.Text),
                (rows.Select(r => r.v.Hash).ToArray(), NpgsqlDbType.Bytea), (rows.Select(r => r.Id).ToArray(), NpgsqlDbType.Text)));
        }

        return (reader, ct) => CheckFlagsAsync(reader, used, ct);
    }

    private static async Task CheckFlagsAsync(NpgsqlDataReader reader, Dictionary<string, CustomFieldRule> used, CancellationToken ct)
    {
        while (await reader.ReadAsync(ct))
        {
            var field = used[reader.GetString(0)];
            if (field.IsUnique != reader.GetBoolean(1) || field.Encrypted != reader.GetBoolean(2))
            {
                var message = RequestLanguage.Pick($"自定义字段 {field.Key} 的设置刚被修改，请重试",
                    $"Custom field {field.Key} changed while the batch was checked; send the batch again");
                throw ApiException.Conflict(message, CustomFields.Promises.CustomUniqueValue.ApiCode,
                    [new ItemError(null, $"customData.{field.Key}", ErrorCodes.InvalidValue, message)]);
            }
        }
    }

    private static NpgsqlBatchCommand Command(string sql, string poolId, params (Array Values, NpgsqlDbType Type)[] arrays)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = poolId });
        foreach (var (values, type) in arrays)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | type });
        }

        return command;
    }
}
