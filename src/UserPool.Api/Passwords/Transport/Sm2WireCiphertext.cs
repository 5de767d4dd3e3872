using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace UserPool.Api.Passwords.Transport;

/// <summary>Reads sm-crypto's output (optional <c>sm2:</c>, hex C1‖C3‖C2, C1 without <c>04</c>) into BouncyCastle's input.</summary>
internal static class Sm2WireCiphertext
{
    private const string OptionalPrefix = "sm2:";
    private const byte UncompressedPointTag = 0x04;
    private const int C1CoordinatesLengthInBytes = 64;
    private const int C3LengthInBytes = 32; // SM3 digest

    /// <summary>
    /// Yields <c>04‖C1‖C3‖C2</c> or a failure status: <see cref="TransportDecryptStatus.TooLong"/> when C2
    /// exceeds <paramref name="maxPlaintextLengthInBytes"/>, otherwise <see cref="TransportDecryptStatus.Undecryptable"/>.
    /// </summary>
    public static bool TryDecode(
        string? wire,
        int maxPlaintextLengthInBytes,
        [NotNullWhen(true)] out byte[]? encoded,
        out TransportDecryptStatus failure)
    {
        encoded = null;
        failure = TransportDecryptStatus.Undecryptable;
        if (wire is null)
        {
            return false;
        }

        var hex = wire.AsSpan();
        if (hex.StartsWith(OptionalPrefix, StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[OptionalPrefix.Length..];
        }

        var bodyLength = hex.Length / 2;
        if (hex.Length % 2 != 0 || bodyLength < C1CoordinatesLengthInBytes + C3LengthInBytes)
        {
            return false;
        }

        if (bodyLength - C1CoordinatesLengthInBytes - C3LengthInBytes > maxPlaintextLengthInBytes)
        {
            failure = TransportDecryptStatus.TooLong;
            return false;
        }

        // Always restore the tag: sm-crypto always drops it, and C1.X itself starts with 04 one time in 256,
        // so "strip a leading 04 if present" would break those ciphertexts.
        var buffer = new byte[1 + bodyLength];
        buffer[0] = UncompressedPointTag;
        if (Convert.FromHexString(hex, buffer.AsSpan(1), out _, out var written) != OperationStatus.Done
            || written != bodyLength)
        {
            return false;
        }

        encoded = buffer;
        return true;
    }
}
