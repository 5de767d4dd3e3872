using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace UserPool.Api.Security.Signing;

/// <summary>
/// The Node SDK signature: <c>Base64(HMAC-SHA1(UTF8(accessKeySecret), UTF8(stringToSign)))</c>, standard base64 with padding.
/// </summary>
public static class AkSkSignature
{
    private const int Sha1Length = 20;
    private const int Base64Sha1Length = 28;

    public static string Compute(string accessKeySecret, string stringToSign) =>
        Compute(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(stringToSign));

    public static string Compute(ReadOnlySpan<byte> accessKeySecretUtf8, ReadOnlySpan<byte> stringToSignUtf8)
    {
        Span<char> base64 = stackalloc char[Base64Sha1Length];
        WriteBase64Signature(accessKeySecretUtf8, stringToSignUtf8, base64);
        return new string(base64);
    }

    /// <summary>
    /// True when <paramref name="presentedSignature"/> matches any candidate form of the string to sign.
    /// The comparison is over the base64 text rather than decoded bytes, so non-canonical base64 spellings
    /// of the same MAC are refused (a signature value then identifies one request, which replay checks rely on).
    /// </summary>
    public static bool Verify(string accessKeySecret, StringToSign stringToSign, string presentedSignature)
    {
        ArgumentNullException.ThrowIfNull(accessKeySecret);
        ArgumentNullException.ThrowIfNull(stringToSign);
        ArgumentNullException.ThrowIfNull(presentedSignature);

        var secretUtf8 = Encoding.UTF8.GetBytes(accessKeySecret);
        try
        {
            return Verify(secretUtf8, stringToSign, presentedSignature);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secretUtf8);
        }
    }

    public static bool Verify(ReadOnlySpan<byte> accessKeySecretUtf8, StringToSign stringToSign, string presentedSignature)
    {
        ArgumentNullException.ThrowIfNull(stringToSign);
        ArgumentNullException.ThrowIfNull(presentedSignature);

        Span<char> expected = stackalloc char[Base64Sha1Length];
        var matched = false;
        foreach (var candidate in stringToSign.Candidates)
        {
            WriteBase64Signature(accessKeySecretUtf8, candidate.Span, expected);
            // Non-short-circuit '|': every candidate costs the same whatever matched.
            matched |= CryptographicOperations.FixedTimeEquals(
                MemoryMarshal.AsBytes<char>(expected),
                MemoryMarshal.AsBytes(presentedSignature.AsSpan()));
        }

        return matched;
    }

    private static void WriteBase64Signature(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<char> destination)
    {
        Span<byte> mac = stackalloc byte[Sha1Length];
        HMACSHA1.HashData(key, data, mac);
        Convert.TryToBase64Chars(mac, destination, out _);
    }
}
