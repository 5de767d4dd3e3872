using Microsoft.EntityFrameworkCore;
using UserPool.Api.Data;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Security;

namespace UserPool.Api.Hosting;

/// <summary>A pool with its first access key, or a further key for an existing pool.</summary>
public sealed record ProvisionedKey(string UserPoolId, string AccessKeyId, string AccessKeySecret);

/// <summary>Creates pools and access keys; used by the start-up bootstrap and the command-line verbs.</summary>
public sealed class PoolProvisioner(UserPoolDbContext db, SecretProtector protector, TimeProvider clock)
{
    /// <summary>
    /// Creates a pool and its first key. As on Authing, the first key id is the pool id itself, which is
    /// what the Node SDK sends as accessKeyId.
    /// </summary>
    public async Task<ProvisionedKey> CreatePoolAsync(string name, string? keyId, string? secret, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var poolId = ObjectIds.New(clock.GetUtcNow());
        db.Pools.Add(new Pool { Id = poolId, Name = name, CreatedAt = now });
        var key = await AddKeyAsync(poolId, keyId ?? poolId, secret, ct);
        await db.SaveChangesAsync(ct);
        return key;
    }

    public async Task<ProvisionedKey> CreateKeyAsync(string poolId, CancellationToken ct)
    {
        if (!await db.Pools.AnyAsync(p => p.Id == poolId, ct))
        {
            throw new InvalidOperationException($"No user pool has the id {poolId}.");
        }

        var key = await AddKeyAsync(poolId, ObjectIds.New(clock.GetUtcNow()), secret: null, ct);
        await db.SaveChangesAsync(ct);
        return key;
    }

    private async Task<ProvisionedKey> AddKeyAsync(string poolId, string keyId, string? secret, CancellationToken ct)
    {
        // Key ids resolve the pool of a signed request, so they must be unique across pools.
        if (await db.AccessKeys.AnyAsync(k => k.Id == keyId, ct))
        {
            throw new InvalidOperationException($"An access key with the id {keyId} exists already.");
        }

        secret ??= SecretProtector.NewAccessKeySecret();
        db.AccessKeys.Add(new AccessKey
        {
            UserPoolId = poolId,
            Id = keyId,
            ProtectedSecret = protector.Protect(secret),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        return new ProvisionedKey(poolId, keyId, secret);
    }
}
