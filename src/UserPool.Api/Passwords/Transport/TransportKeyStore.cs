using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UserPool.Api.Data;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Security;

namespace UserPool.Api.Passwords.Transport;

/// <summary>Reads, creates and rotates the stored transport keys; private halves are protected at rest.</summary>
public sealed class TransportKeyStore(UserPoolDbContext db, SecretProtector protector, IOptions<TransportKeyOptions> options, TimeProvider clock)
{
    public const string Rsa = "rsa";
    public const string Sm2 = "sm2";

    /// <summary>The current keys and those retired inside the grace period; creates current keys that are missing.</summary>
    public async Task<IReadOnlyList<TransportKey>> LoadAsync(CancellationToken ct)
    {
        var keys = await ReadUsableAsync(ct);
        foreach (var algorithm in new[] { Rsa, Sm2 }.Where(a => !keys.Any(k => k.Algorithm == a && k.RetiredAt is null)))
        {
            db.TransportKeys.Add(Generate(algorithm));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException exception) when (DatabaseConflicts.ConstraintOf(exception) is not null)
            {
                // Another instance created it first (unique current key per algorithm); use theirs.
                db.ChangeTracker.Clear();
            }
        }

        return await ReadUsableAsync(ct);
    }

    /// <summary>Retires the current keys and creates new ones, in one transaction.</summary>
    public async Task RotateAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = Timestamps.Now(clock);
        await db.TransportKeys.Where(k => k.RetiredAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, now), ct);
        db.TransportKeys.AddRange(Generate(Rsa), Generate(Sm2));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public byte[] PrivateKeyOf(TransportKey key) => Convert.FromBase64String(protector.Unprotect(key.ProtectedPrivateKey));

    private async Task<List<TransportKey>> ReadUsableAsync(CancellationToken ct)
    {
        var oldest = clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(options.Value.RotationGraceHours);
        return await db.TransportKeys.AsNoTracking().Where(k => k.RetiredAt == null || k.RetiredAt > oldest).ToListAsync(ct);
    }

    private TransportKey Generate(string algorithm)
    {
        var now = Timestamps.Now(clock);
        if (algorithm == Rsa)
        {
            using var rsa = RsaTransportKey.Generate(options.Value.RsaKeySize);
            return New(algorithm, rsa.ExportPublicKeyPem(), rsa.ExportPkcs8PrivateKey(), now);
        }

        var sm2 = Sm2TransportKey.Generate();
        return New(algorithm, sm2.PublicKeyHex, sm2.ExportPrivateKey(), now);
    }

    private TransportKey New(string algorithm, string publicKey, byte[] privateKey, DateTime now) => new()
    {
        Id = ObjectIds.New(now),
        Algorithm = algorithm,
        PublicKey = publicKey,
        ProtectedPrivateKey = protector.Protect(Convert.ToBase64String(privateKey)),
        CreatedAt = now,
    };
}
