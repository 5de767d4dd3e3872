using System.Security.Cryptography;
using System.Text;

namespace UserPool.Api.Passwords.KeptHashes.Formats;

/// <summary>
/// Django's pbkdf2_sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;base64 key&gt;. Django's salt is text, used as its UTF-8 bytes (it
/// writes letters and digits); the key is 32 bytes of standard base64. Verified with .NET's own PBKDF2.
/// </summary>
public sealed class DjangoPbkdf2Format() : KeptHashFormat("Django pbkdf2_sha256", "pbkdf2_sha256$")
{
    public const int MaxSaltLength = 64;

    public override KeptHashParse Parse(string value) => Read(value, out _) ?? KeptHashParse.Valid("pbkdf2-sha256");

    public override KeptHashVerification Verify(string password, string hash)
    {
        if (Read(hash, out var parsed) is not null)
        {
            return KeptHashVerification.Mismatch;
        }

        var computed = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(parsed.Salt), (int)parsed.Iterations, HashAlgorithmName.SHA256, parsed.Key.Length);
        return Digests.Compare(parsed.Key, computed);
    }

    private KeptHashParse? Read(string value, out (long Iterations, string Salt, byte[] Key) parsed)
    {
        parsed = default;
        var parts = PartsAfterPrefix(value);
        if (parts.Length != 3 || !HashText.TryParseCount(parts[0], out var iterations))
        {
            return KeptHashParse.Invalid("expected pbkdf2_sha256$<iterations>$<salt>$<base64 key>");
        }

        if (iterations is < Pbkdf2PhcFormat.MinIterations or > Pbkdf2PhcFormat.MaxIterations)
        {
            return KeptHashParse.Invalid($"the iterations {iterations} are outside {HashText.Range(Pbkdf2PhcFormat.MinIterations, Pbkdf2PhcFormat.MaxIterations)}");
        }

        if (parts[1].Length is 0 or > MaxSaltLength || !parts[1].All(char.IsAsciiLetterOrDigit))
        {
            return KeptHashParse.Invalid($"the salt must be 1–{MaxSaltLength} ASCII letters and digits");
        }

        if (!HashText.TryDecodeBase64(parts[2], dotForPlus: false, out var key) || key.Length != SHA256.HashSizeInBytes)
        {
            return KeptHashParse.Invalid("the key must be 32 bytes in base64");
        }

        parsed = (iterations, parts[1], key);
        return null;
    }
}
