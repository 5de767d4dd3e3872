using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace UserPool.Api.Passwords.Transport;

/// <summary>Turns decrypted password bytes into a string, refusing anything that is not text.</summary>
internal static class TransportPlaintext
{
    private const int Cesu8SurrogateLength = 3;

    /// <summary>Strict UTF-8: invalid sequences and lone surrogates are refused, never replaced.</summary>
    public static bool TryDecodeUtf8(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? text)
    {
        text = Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : null;
        return text is not null;
    }

    /// <summary>
    /// Strict UTF-8, except that a surrogate pair written as two 3-byte sequences (CESU-8) is read as
    /// the character it encodes. jsencrypt's pkcs1pad2 encodes each UTF-16 code unit separately, so
    /// every emoji a browser encrypts with it arrives that way. Lone surrogates are still refused.
    /// </summary>
    public static bool TryDecodeUtf8AcceptingCesu8Pairs(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? text)
    {
        if (TryDecodeUtf8(bytes, out text))
        {
            return true;
        }

        // Re-encoding a pair shrinks it from 6 bytes to 4, so the input length always suffices.
        var repaired = new byte[bytes.Length];
        try
        {
            var written = RewriteCesu8Pairs(bytes, repaired);
            return TryDecodeUtf8(repaired.AsSpan(0, written), out text);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(repaired);
        }
    }

    private static int RewriteCesu8Pairs(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        var index = 0;
        while (index < source.Length)
        {
            if (TryReadSurrogate(source[index..], 0xD800, out var high)
                && TryReadSurrogate(source[(index + Cesu8SurrogateLength)..], 0xDC00, out var low))
            {
                var scalar = new Rune(high, low);
                written += scalar.EncodeToUtf8(destination[written..]);
                index += 2 * Cesu8SurrogateLength;
            }
            else
            {
                destination[written++] = source[index++];
            }
        }

        return written;
    }

    /// <summary>Reads ED xx yy as a UTF-16 surrogate in the 1024-value block starting at <paramref name="blockStart"/>.</summary>
    private static bool TryReadSurrogate(ReadOnlySpan<byte> bytes, int blockStart, out char surrogate)
    {
        surrogate = '\0';
        if (bytes.Length < Cesu8SurrogateLength || bytes[0] != 0xED || !IsContinuation(bytes[1]) || !IsContinuation(bytes[2]))
        {
            return false;
        }

        var value = 0xD000 | ((bytes[1] & 0x3F) << 6) | (bytes[2] & 0x3F);
        if (value < blockStart || value >= blockStart + 0x400)
        {
            return false;
        }

        surrogate = (char)value;
        return true;
    }

    private static bool IsContinuation(byte value) => (value & 0xC0) == 0x80;
}
