using System.Buffers.Binary;
using System.Security.Cryptography;

namespace UserPool.Api.Infrastructure;

/// <summary>
/// 24-character lowercase hex ids, time-ordered like the ObjectIds Authing returns:
/// 4 bytes of Unix seconds, 5 random bytes fixed per process, 3 bytes of a counter.
/// </summary>
public static class ObjectIds
{
    private static readonly byte[] ProcessRandom = RandomNumberGenerator.GetBytes(5);
    private static int _counter = RandomNumberGenerator.GetInt32(0, 0xFFFFFF);

    public static string New() => New(DateTimeOffset.UtcNow);

    public static string New(DateTimeOffset now)
    {
        Span<byte> id = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(id, (uint)now.ToUnixTimeSeconds());
        ProcessRandom.CopyTo(id[4..]);
        var counter = Interlocked.Increment(ref _counter) & 0xFFFFFF;
        id[9] = (byte)(counter >> 16);
        id[10] = (byte)(counter >> 8);
        id[11] = (byte)counter;
        return Convert.ToHexStringLower(id);
    }

    public static bool IsValid(string? value) =>
        value is { Length: 24 } && value.All(char.IsAsciiHexDigitLower);
}
