using Microsoft.Extensions.Options;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Passwords.Transport;

/// <summary>
/// The server's transport key ring, loaded from the database at start-up and refreshed periodically so a
/// rotation made by any instance (or the CLI) reaches all of them. Decryption never touches the database.
/// </summary>
public sealed class PasswordTransport(IServiceScopeFactory scopes, IOptions<TransportKeyOptions> options, TimeProvider clock) : IDisposable
{
    private readonly Dictionary<string, ITransportKey> _loaded = new(StringComparer.Ordinal);
    private volatile TransportKeyRing? _ring;

    public TransportKeyRing Ring => _ring ?? throw new InvalidOperationException("Transport keys are not loaded yet.");

    public TransportDecryptResult Decrypt(PasswordEncryptType type, string ciphertext) => Ring.Decrypt(type, ciphertext);

    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<TransportKeyStore>();
        var rows = await store.LoadAsync(ct);
        lock (_loaded)
        {
            foreach (var row in rows.Where(r => !_loaded.ContainsKey(r.Id)))
            {
                _loaded[row.Id] = row.Algorithm == TransportKeyStore.Rsa
                    ? RsaTransportKey.ImportPkcs8PrivateKey(store.PrivateKeyOf(row))
                    : Sm2TransportKey.ImportPrivateKey(store.PrivateKeyOf(row));
            }

            _ring = new TransportKeyRing(
                Current<RsaTransportKey>(rows, TransportKeyStore.Rsa),
                Current<Sm2TransportKey>(rows, TransportKeyStore.Sm2),
                Retired<RsaTransportKey>(rows, TransportKeyStore.Rsa),
                Retired<Sm2TransportKey>(rows, TransportKeyStore.Sm2),
                TimeSpan.FromHours(options.Value.RotationGraceHours),
                clock);
            // Keys past their grace period are no longer in any ring; an RSA key holds a native handle.
            foreach (var expired in _loaded.Keys.Except(rows.Select(r => r.Id)).ToList())
            {
                (_loaded[expired] as IDisposable)?.Dispose();
                _loaded.Remove(expired);
            }
        }
    }

    public void Dispose()
    {
        foreach (var key in _loaded.Values.OfType<IDisposable>())
        {
            key.Dispose();
        }
    }

    private TKey Current<TKey>(IReadOnlyList<TransportKey> rows, string algorithm) where TKey : ITransportKey =>
        (TKey)_loaded[rows.Where(r => r.Algorithm == algorithm && r.RetiredAt is null).OrderByDescending(r => r.CreatedAt).First().Id];

    private IEnumerable<RetiredTransportKey<TKey>> Retired<TKey>(IReadOnlyList<TransportKey> rows, string algorithm) where TKey : ITransportKey =>
        rows.Where(r => r.Algorithm == algorithm && r.RetiredAt is not null)
            .Select(r => new RetiredTransportKey<TKey>((TKey)_loaded[r.Id], r.RetiredAt!.Value))
            .ToList();
}
