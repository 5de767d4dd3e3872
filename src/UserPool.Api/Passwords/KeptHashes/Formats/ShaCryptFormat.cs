namespace UserPool.Api.Passwords.KeptHashes.Formats;

/// <summary>
/// SHA-crypt of glibc and openssl passwd -5/-6: $5$ (SHA-256, 43 hash characters) or $6$ (SHA-512, 86), an optional
/// rounds=&lt;n&gt;$ (5000 when absent; glibc writes no fewer than 1000), a salt of up to 16 characters, then the hash.
/// </summary>
public sealed class ShaCryptFormat(string prefix, string algorithm, int hashLength) : KeptHashFormat(algorithm, prefix)
{
    public const long MinRounds = 1_000;
    public const long MaxRounds = 10_000_000;
    public const int MaxSaltLength = 16;

    public override KeptHashParse Parse(string value)
    {
        var parts = PartsAfterPrefix(value);
        var rounds = 5000L;
        var hasRounds = parts.Length == 3 && parts[0].StartsWith("rounds=", StringComparison.Ordinal);
        if ((parts.Length != 2 && !hasRounds) || (hasRounds && !HashText.TryParseCount(parts[0].AsSpan("rounds=".Length), out rounds)))
        {
            return KeptHashParse.Invalid($"expected {Prefix}[rounds=<n>$]<salt>${hashLength} characters");
        }

        if (rounds is < MinRounds or > MaxRounds)
        {
            return KeptHashParse.Invalid($"the rounds {rounds} are outside {HashText.Range(MinRounds, MaxRounds)}");
        }

        var (salt, hash) = (parts[^2], parts[^1]);
        return salt.Length <= MaxSaltLength && HashText.IsCrypt64(salt) && hash.Length == hashLength && HashText.IsCrypt64(hash)
            ? KeptHashParse.Valid(Name)
            : KeptHashParse.Invalid($"the salt must be at most {MaxSaltLength} and the hash exactly {hashLength} characters of crypt base64");
    }
}
