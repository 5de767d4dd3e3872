using System.Diagnostics.CodeAnalysis;

namespace UserPool.Api.Passwords.Transport;

/// <summary>Why a transported password did or did not yield a plaintext.</summary>
public enum TransportDecryptStatus
{
    /// <summary>The plaintext is available.</summary>
    Decrypted,

    /// <summary>
    /// The ciphertext is longer than one block of the key (RSA) or than the server accepts (SM2).
    /// Decided from the length alone, so telling the caller reveals nothing about the key:
    /// report it per item as "password too long for RSA" (or SM2).
    /// </summary>
    TooLong,

    /// <summary>
    /// Anything else: bad encoding, wrong key, tampering, invalid UTF-8. Deliberately one bucket, so
    /// that responses cannot serve as a padding oracle; report it per item without further detail.
    /// </summary>
    Undecryptable,
}

/// <summary>The outcome of decrypting one transported password.</summary>
public readonly record struct TransportDecryptResult
{
    private TransportDecryptResult(TransportDecryptStatus status, string? plaintext)
    {
        Status = status;
        Plaintext = plaintext;
    }

    public TransportDecryptStatus Status { get; }

    /// <summary>The password; set exactly when <see cref="Status"/> is <see cref="TransportDecryptStatus.Decrypted"/>.</summary>
    public string? Plaintext { get; }

    [MemberNotNullWhen(true, nameof(Plaintext))]
    public bool Succeeded => Status == TransportDecryptStatus.Decrypted;

    public static TransportDecryptResult TooLong { get; } = new(TransportDecryptStatus.TooLong, null);

    public static TransportDecryptResult Undecryptable { get; } = new(TransportDecryptStatus.Undecryptable, null);

    public static TransportDecryptResult Decrypted(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return new(TransportDecryptStatus.Decrypted, plaintext);
    }
}
