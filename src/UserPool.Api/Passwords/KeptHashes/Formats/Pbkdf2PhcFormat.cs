using System.Security.Cryptography;
using System.Text;

namespace UserPool.Api.Passwords.KeptHashes.Formats;

/// <summary>
/// PBKDF2-HMAC in the PHC form: $pbkdf2-sha256$i=&lt;iterations&gt;,l=&lt;key bytes&gt;$&lt;salt&gt;$&lt;key&gt; as Ory Kratos writes it, or
/// $pbkdf2-sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;key&gt; as passlib writes it (its base64 has '.' for '+'). Verified with .NET's own PBKDF2.
/// </summary>
public sealed class Pbkdf2PhcFormat(string digest) : KeptHashFormat($"pbkdf2-{digest}", $"$pbkdf2-{digest}$")
{
    public const long MinIterations = 1_000;
    public const long MaxIterations = 10_000_000;
    public const int MinSaltBytes = 4;
    public const int MaxSaltBytes = 64;
    public const int MinKeyBytes = 16;
    public const int MaxKeyBytes = 64;

    private static readonly string[] ParameterNames = ["i", "l"];

    public override KeptHashParse Parse(string value) => Read(value, out _) ?? KeptHashParse.Valid(Name);

    public override KeptHashVerification Verify(string password, string hash)
    {
        if (Read(hash, out var parsed) is not null)
        {
            return KeptHashVerification.Mismatch;
        }

        var computed = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), parsed.Salt, (int)parsed.Iterations, Digests.NameOf(digest), parsed.Key.Length);
        return Digests.Compare(parsed.Key, computed);
    }

    private KeptHashParse? Read(string value, out (long Iterations, byte[] Salt, byte[] Key) parsed)
    {
        parsed = default;
        var parts = PartsAfterPrefix(value);
        Span<long> values = stackalloc long[2];
        if (parts.Length != 3 || !TryReadParameters(parts[0], values))
        {
            return KeptHashParse.Invalid($"expected {Prefix}i=<iterations>,l=<key bytes>$<salt>$<key> or {Prefix}<iterations>$<salt>$<key>");
        }

        if (values[0] is < MinIterations or > MaxIterations)
        {
            return KeptHashParse.Invalid($"the iterations {values[0]} are outside {HashText.Range(MinIterations, MaxIterations)}");
        }

        if (!HashText.TryDecodeBase64(parts[1], dotForPlus: true, out var salt) || salt.Length is < MinSaltBytes or > MaxSaltBytes
            || !HashText.TryDecodeBase64(parts[2], dotForPlus: true, out var key) || key.Length is < MinKeyBytes or > MaxKeyBytes
            || (values[1] != -1 && values[1] != key.Length))
        {
            return KeptHashParse.Invalid($"the salt must be {MinSaltBytes}–{MaxSaltBytes} and the key {MinKeyBytes}–{MaxKeyBytes} bytes in base64 (and l its length)");
        }

        parsed = (values[0], salt, key);
        return null;
    }

    private static bool TryReadParameters(string text, Span<long> values)
    {
        if (HashText.TryParseParameters(text, ParameterNames, values))
        {
            return true;
        }

        values[1] = -1; // passlib's form states no key length: the key's own length is it
        return HashText.TryParseCount(text, out values[0]);
    }
}
