using Npgsql;

namespace UserPool.Benchmarks.Runs;

/// <summary>
/// Scenario 3's baseline, the physical limit of a batch delete: one <c>DELETE … WHERE id = ANY(…)</c> per batch, its own
/// transaction, nothing looked up, checked or answered. The foreign keys cascade to the identities and department links
/// exactly as they do for the server's delete.
/// </summary>
public sealed class RawDeleter(NpgsqlDataSource dataSource, string poolId)
{
    public async Task DeleteAsync(string[] ids)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM accounts WHERE user_pool_id = $1 AND id = ANY($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = poolId });
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        var deleted = await command.ExecuteNonQueryAsync();
        if (deleted != ids.Length)
        {
            throw new InvalidOperationException($"The baseline deleted {deleted} of {ids.Length} accounts");
        }
    }
}
