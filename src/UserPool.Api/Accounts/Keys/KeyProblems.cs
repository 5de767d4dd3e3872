using Npgsql;

namespace UserPool.Api.Accounts.Keys;

/// <summary>An account whose keys are quarantined: the values it holds and why.</summary>
public sealed record KeyProblemAccount(
    string PoolId, string Id, string Kind, string? Email, string? Username, string? Phone, string? CountryCode, string[] Problems);

/// <summary>Reads the accounts flagged by <see cref="KeyReconciler"/> (a partial index holds exactly them).</summary>
public sealed class KeyProblems(NpgsqlDataSource dataSource)
{
    public async Task<long> CountAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM accounts WHERE key_problems IS NOT NULL");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<IReadOnlyList<KeyProblemAccount>> ListAsync(int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT user_pool_id, id, kind, email, username, phone, phone_country_code, key_problems FROM accounts
            WHERE key_problems IS NOT NULL ORDER BY user_pool_id, id LIMIT $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var accounts = new List<KeyProblemAccount>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            accounts.Add(new KeyProblemAccount(reader.GetString(0), reader.GetString(1), Pipeline.AccountKindNames.Of((Data.Entities.AccountKind)reader.GetInt16(2)),
                Text(reader, 3), Text(reader, 4), Text(reader, 5), Text(reader, 6), reader.GetFieldValue<string[]>(7)));
        }

        return accounts;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
