namespace UserPool.Api.Data.Entities;

/// <summary>
/// A server-wide key pair for password transport encryption (rsa or sm2); /api/v3/system publishes the
/// current public halves without knowing any pool, so these keys belong to the server, not a pool.
/// </summary>
public sealed class TransportKey
{
    public required string Id { get; init; }
    public required string Algorithm { get; init; }
    public required string PublicKey { get; init; }
    /// <summary>The private key (PKCS#8 for RSA, the scalar for SM2), base64, protected at rest.</summary>
    public required string ProtectedPrivateKey { get; init; }
    public DateTime CreatedAt { get; init; }
    /// <summary>Null while current; a retired key still decrypts for the grace period.</summary>
    public DateTime? RetiredAt { get; set; }
}
