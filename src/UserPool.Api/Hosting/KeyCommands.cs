using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UserPool.Api.Data;
using UserPool.Api.Security;

namespace UserPool.Api.Hosting;

/// <summary>
/// <c>keys list --pool &lt;id&gt;</c> and <c>keys revoke &lt;accessKeyId&gt;</c>: an access key's lifecycle from the
/// command line. Secrets are never printed (only <c>keys create</c> shows a new secret, once).
/// </summary>
public static class KeyCommands
{
    public const string Usage = """
          keys list --pool <poolId>       list a pool's access keys: id, created, last used, revoked
          keys revoke <accessKeyId>       revoke an access key (running servers refuse it within
                                          Security:AccessKeyCacheSeconds)
        """;

    /// <summary>Runs the verb if <paramref name="args"/> is one of these; null otherwise.</summary>
    public static async Task<int?> TryRunAsync(IServiceProvider services, string[] args, CancellationToken ct) => args switch
    {
        ["keys", "list", "--pool", var poolId] => await ListAsync(services.GetRequiredService<UserPoolDbContext>(), poolId, ct),
        ["keys", "revoke", var keyId] => await RevokeAsync(services, keyId, ct),
        _ => null,
    };

    private static async Task<int> ListAsync(UserPoolDbContext db, string poolId, CancellationToken ct)
    {
        if (!await db.Pools.AnyAsync(p => p.Id == poolId, ct))
        {
            Console.Error.WriteLine($"No user pool has the id {poolId}.");
            return 1;
        }

        var keys = await db.AccessKeys.AsNoTracking().Where(k => k.UserPoolId == poolId)
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id)
            .Select(k => new { k.Id, k.CreatedAt, k.LastUsedAt, k.RevokedAt })
            .ToListAsync(ct);
        Console.WriteLine($"{"accessKeyId",-26}{"created",-22}{"lastUsed",-22}revoked");
        foreach (var key in keys)
        {
            Console.WriteLine($"{key.Id,-25} {Format(key.CreatedAt),-21} {Format(key.LastUsedAt),-21} {Format(key.RevokedAt)}");
        }

        return 0;
    }

    private static async Task<int> RevokeAsync(IServiceProvider services, string keyId, CancellationToken ct)
    {
        var db = services.GetRequiredService<UserPoolDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var key = await db.AccessKeys.SingleOrDefaultAsync(k => k.Id == keyId, ct);
        if (key is null)
        {
            Console.Error.WriteLine($"No access key has the id {keyId}.");
            return 1;
        }

        if (key.RevokedAt is { } revokedAt)
        {
            Console.WriteLine($"Access key {keyId} was revoked already at {Format(revokedAt)}.");
            return 0;
        }

        key.RevokedAt = now;
        await db.SaveChangesAsync(ct);
        var delay = services.GetRequiredService<IOptions<SecurityOptions>>().Value.AccessKeyCacheSeconds;
        Console.WriteLine($"Revoked access key {keyId} of pool {key.UserPoolId}. Running servers refuse it, and the " +
            $"management tokens it signed, within {delay} s (Security:AccessKeyCacheSeconds).");
        if (!await db.AccessKeys.AnyAsync(k => k.UserPoolId == key.UserPoolId && k.RevokedAt == null, ct))
        {
            Console.WriteLine($"Pool {key.UserPoolId} has no active access key left: keys create --pool {key.UserPoolId}");
        }

        return 0;
    }

    private static string Format(DateTime? time) => time is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) : "-";
}
