using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;

namespace UserPool.Api.Security;

/// <summary>An access key as authentication needs it: its pool and its secret (UTF-8, unprotected).</summary>
public sealed record AccessKeyRecord(string UserPoolId, string AccessKeyId, byte[] SecretUtf8);

/// <summary>
/// Finds active access keys by id. Every signed request needs the secret, so keys (and misses) are cached
/// briefly instead of decrypting and querying per request. The cache is also how revocation reaches every
/// server: a poll of the table per key and period, which works through a connection pooler and on any
/// database layout (LISTEN/NOTIFY would not).
/// </summary>
public sealed class AccessKeyStore(NpgsqlDataSource dataSource, SecretProtector protector, IMemoryCache cache, IOptions<SecurityOptions> options)
{
    private static readonly TimeSpan Miss = TimeSpan.FromSeconds(10);

    public async ValueTask<AccessKeyRecord?> FindAsync(string accessKeyId, CancellationToken ct)
    {
        if (!IsPlausibleId(accessKeyId))
        {
            return null;
        }

        var cacheKey = "access-key:" + accessKeyId;
        if (cache.TryGetValue(cacheKey, out AccessKeyRecord? cached))
        {
            return cached;
        }

        await using var command = dataSource.CreateCommand(
            "SELECT user_pool_id, protected_secret FROM access_keys WHERE id = $1 AND revoked_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = accessKeyId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        AccessKeyRecord? found = null;
        if (await reader.ReadAsync(ct))
        {
            var secret = protector.Unprotect(reader.GetString(1));
            found = new AccessKeyRecord(reader.GetString(0), accessKeyId, Encoding.UTF8.GetBytes(secret));
        }

        var hit = TimeSpan.FromSeconds(options.Value.AccessKeyCacheSeconds);
        cache.Set(cacheKey, found, found is null ? (Miss < hit ? Miss : hit) : hit);
        return found;
    }

    /// <summary>
    /// No key id is empty, longer than 64 or holds a NUL or an unpaired surrogate (PostgreSQL could not even
    /// compare one: a 500, not "no such key"). Also what the failure limiter accepts as a key id.
    /// </summary>
    public static bool IsPlausibleId(string? accessKeyId) =>
        accessKeyId is { Length: > 0 and <= 64 } && Validation.TextRules.IsStorable(accessKeyId);
}
