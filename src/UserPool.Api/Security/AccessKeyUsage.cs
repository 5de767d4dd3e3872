using System.Collections.Concurrent;
using Npgsql;

namespace UserPool.Api.Security;

/// <summary>
/// Records when each access key was last used (shown by <c>keys list</c>). Writing on every request would
/// turn each read into a write, so each server writes a key's time at most once a minute.
/// </summary>
public sealed class AccessKeyUsage(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<AccessKeyUsage> logger)
{
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    // Only keys that authenticated a request get an entry, so its size is bounded by the number of keys.
    private readonly ConcurrentDictionary<string, long> _lastWritten = new(StringComparer.Ordinal);

    public async Task RecordAsync(AccessKeyRecord key, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var previous = _lastWritten.GetValueOrDefault(key.AccessKeyId);
        if (now - previous < Resolution.Ticks || !_lastWritten.TryUpdate(key.AccessKeyId, now, previous) && !_lastWritten.TryAdd(key.AccessKeyId, now))
        {
            return; // written recently, or another request of this key is writing it now
        }

        try
        {
            await using var command = dataSource.CreateCommand(
                "UPDATE access_keys SET last_used_at = $3 WHERE user_pool_id = $1 AND id = $2");
            command.Parameters.Add(new NpgsqlParameter { Value = key.UserPoolId });
            command.Parameters.Add(new NpgsqlParameter { Value = key.AccessKeyId });
            command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow().UtcDateTime });
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            // Bookkeeping only: the request itself is authentic and goes on.
            logger.LogWarning(exception, "Could not record the use of access key {AccessKeyId}", key.AccessKeyId);
        }
    }
}
