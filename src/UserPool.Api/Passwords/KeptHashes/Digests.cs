using System.Security.Cryptography;

namespace UserPool.Api.Passwords.KeptHashes;

/// <summary>The plain message digests that legacy systems stored passwords with, by their usual names.</summary>
public static class Digests
{
    public static int SizeOf(string digest) => digest switch
    {
        "md5" => MD5.HashSizeInBytes,
        "sha1" => SHA1.HashSizeInBytes,
        "sha256" => SHA256.HashSizeInBytes,
        "sha512" => SHA512.HashSizeInBytes,
        _ => throw new ArgumentOutOfRangeException(nameof(digest), digest, "not a digest of the registry"),
    };

    public static byte[] Hash(string digest, ReadOnlySpan<byte> data) => digest switch
    {
        "md5" => MD5.HashData(data),
        "sha1" => SHA1.HashData(data),
        "sha256" => SHA256.HashData(data),
        "sha512" => SHA512.HashData(data),
        _ => throw new ArgumentOutOfRangeException(nameof(digest), digest, "not a digest of the registry"),
    };

    public static HashAlgorithmName NameOf(string digest) => digest switch
    {
        "sha256" => HashAlgorithmName.SHA256,
        "sha512" => HashAlgorithmName.SHA512,
        _ => throw new ArgumentOutOfRangeException(nameof(digest), digest, "not a PBKDF2 digest of the registry"),
    };

    public static KeptHashVerification Compare(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> computed) =>
        CryptographicOperations.FixedTimeEquals(expected, computed) ? KeptHashVerification.Match : KeptHashVerification.Mismatch;
}
