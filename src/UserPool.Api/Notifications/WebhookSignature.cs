using System.Security.Cryptography;
using System.Text;

namespace UserPool.Api.Notifications;

/// <summary>
/// The SMS webhook's signature: hex HMAC-SHA256, keyed with the UTF-8 signing secret, over
/// "{timestamp}.{raw body}" where the timestamp is the X-UserPool-Timestamp header (Unix seconds).
/// Sent as "X-UserPool-Signature: sha256={hex}". Signing the timestamp lets a gateway refuse replays.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-UserPool-Signature";
    public const string TimestampHeader = "X-UserPool-Timestamp";
    public const string MessageIdHeader = "X-UserPool-Message-Id";
    public const string Prefix = "sha256=";

    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var stamp = Encoding.ASCII.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        var material = new byte[stamp.Length + body.Length];
        stamp.CopyTo(material, 0);
        body.CopyTo(material.AsSpan(stamp.Length));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), material));
    }

    /// <summary>What a gateway written in .NET would run; constant-time comparison.</summary>
    public static bool Verify(string secret, long timestamp, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
