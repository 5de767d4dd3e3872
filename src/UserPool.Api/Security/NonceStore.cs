using Npgsql;

namespace UserPool.Api.Security;

/// <summary>
/// Remembers signature nonces in the database, so a replay is caught whichever server instance it reaches.
/// A nonce only needs remembering while its date is inside the window; older rows are pruned.
/// </summary>
public sealed class NonceStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>True the first time a nonce is used with a key; false for a replay.</summary>
    public async Task<bool> TryUseAsync(AccessKeyRecord key, string nonce, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO request_nonces (user_pool_id, access_key_id, nonce, seen_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (user_pool_id, access_key_id, nonce) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = key.UserPoolId });
        command.Parameters.Add(new NpgsqlParameter { Value = key.AccessKeyId });
        command.Parameters.Add(new NpgsqlParameter { Value = nonce });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow().UtcDateTime });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<int> PruneAsync(TimeSpan olderThan, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM request_nonces WHERE seen_at < $1");
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow().UtcDateTime - olderThan });
        return await command.ExecuteNonQueryAsync(ct);
    }
}
