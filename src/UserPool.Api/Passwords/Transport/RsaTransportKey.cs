using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace UserPool.Api.Passwords.Transport;

/// <summary>
/// The RSA key whose public half clients use (jsencrypt style: PKCS#1 v1.5, base64) to encrypt passwords.
/// Safe for concurrent <see cref="Decrypt"/> calls; dispose it only once no request can still use it.
/// </summary>
public sealed class RsaTransportKey : ITransportKey, IDisposable
{
    /// <summary>Authing publishes a 1024-bit key, so clients expect (and size their input for) one.</summary>
    public const int DefaultKeySizeInBits = 1024;

    private const int MinimumKeySizeInBits = 1024;

    // PKCS#1 v1.5 encryption padding is 00 02, at least 8 random non-zero bytes, then 00.
    private const int Pkcs1PaddingOverheadInBytes = 11;

    private readonly RSA _rsa;

    private RsaTransportKey(RSA rsa)
    {
        _rsa = rsa;
        ModulusLengthInBytes = (rsa.KeySize + 7) / 8;
    }

    public int KeySizeInBits => _rsa.KeySize;

    /// <summary>A ciphertext is exactly this long; jsencrypt may send it shorter (leading zero bytes dropped).</summary>
    public int ModulusLengthInBytes { get; }

    /// <summary>The longest UTF-8 password a client can encrypt with this key: 117 bytes for RSA-1024.</summary>
    public int MaxPlaintextLengthInBytes => ModulusLengthInBytes - Pkcs1PaddingOverheadInBytes;

    public static RsaTransportKey Generate(int keySizeInBits = DefaultKeySizeInBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keySizeInBits, MinimumKeySizeInBits);
        var rsa = RSA.Create(keySizeInBits);
        // Some platforms generate lazily; force it now so concurrent first decrypts cannot race on it.
        _ = rsa.ExportParameters(includePrivateParameters: false);
        return new RsaTransportKey(rsa);
    }

    /// <summary>Loads a key saved with <see cref="ExportPkcs8PrivateKey"/>. Throws <see cref="CryptographicException"/> on bad data.</summary>
    public static RsaTransportKey ImportPkcs8PrivateKey(ReadOnlySpan<byte> pkcs8PrivateKey)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportPkcs8PrivateKey(pkcs8PrivateKey, out var bytesRead);
            if (bytesRead != pkcs8PrivateKey.Length)
            {
                throw new CryptographicException("Unexpected data after the PKCS#8 private key.");
            }

            if (rsa.KeySize < MinimumKeySizeInBits)
            {
                throw new CryptographicException($"RSA transport keys must have at least {MinimumKeySizeInBits} bits.");
            }

            return new RsaTransportKey(rsa);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    /// <summary>The private key as unencrypted PKCS#8 DER; the caller must encrypt it at rest.</summary>
    public byte[] ExportPkcs8PrivateKey() => _rsa.ExportPkcs8PrivateKey();

    /// <summary>SubjectPublicKeyInfo PEM (<c>-----BEGIN PUBLIC KEY-----</c>), the form <c>/api/v3/system</c> publishes.</summary>
    public string ExportPublicKeyPem() => _rsa.ExportSubjectPublicKeyInfoPem();

    public bool TryDecrypt(string? base64Ciphertext, [NotNullWhen(true)] out string? plaintext)
    {
        var result = Decrypt(base64Ciphertext);
        plaintext = result.Plaintext;
        return result.Succeeded;
    }

    /// <summary>Base64 (whitespace tolerated) → left-pad to the modulus → PKCS#1 v1.5 → strict UTF-8.</summary>
    public TransportDecryptResult Decrypt(string? base64Ciphertext)
    {
        if (!TryDecodeBase64(base64Ciphertext, out var ciphertext) || ciphertext.Length == 0)
        {
            return TransportDecryptResult.Undecryptable;
        }

        // Longer than the modulus means more than one RSA block: a client split an over-long password.
        if (ciphertext.Length > ModulusLengthInBytes)
        {
            return TransportDecryptResult.TooLong;
        }

        byte[]? plaintextBytes = null;
        try
        {
            plaintextBytes = _rsa.Decrypt(LeftPadToModulusLength(ciphertext), RSAEncryptionPadding.Pkcs1);
            return TransportPlaintext.TryDecodeUtf8AcceptingCesu8Pairs(plaintextBytes, out var text)
                ? TransportDecryptResult.Decrypted(text)
                : TransportDecryptResult.Undecryptable;
        }
        catch (CryptographicException)
        {
            // Bad padding, an integer not below the modulus, …: the reason stays here (no padding oracle).
            return TransportDecryptResult.Undecryptable;
        }
        finally
        {
            if (plaintextBytes is not null)
            {
                CryptographicOperations.ZeroMemory(plaintextBytes);
            }
        }
    }

    public void Dispose() => _rsa.Dispose();

    private static bool TryDecodeBase64(string? base64, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (base64 is null)
        {
            return false;
        }

        // Convert skips spaces, tabs and line breaks but otherwise demands the standard, padded alphabet.
        var buffer = new byte[(base64.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    // jsencrypt prints the ciphertext integer in hex without leading zero bytes; restore them.
    private byte[] LeftPadToModulusLength(byte[] ciphertext)
    {
        if (ciphertext.Length == ModulusLengthInBytes)
        {
            return ciphertext;
        }

        var padded = new byte[ModulusLengthInBytes];
        ciphertext.CopyTo(padded, ModulusLengthInBytes - ciphertext.Length);
        return padded;
    }
}
