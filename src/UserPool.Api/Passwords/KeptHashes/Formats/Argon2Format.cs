namespace UserPool.Api.Passwords.KeptHashes.Formats;

/// <summary>
/// argon2id and argon2i in the PHC string format: $argon2id$v=19$m=&lt;KiB&gt;,t=&lt;passes&gt;,p=&lt;lanes&gt;$&lt;salt&gt;$&lt;hash&gt;,
/// salt and hash in base64 without padding. Memory, passes and lanes are bounded because a sign-in must compute
/// the hash again: 256 MiB covers every library default we know (argon2-cffi and PHP 64 MiB, Ory 128 MB).
/// </summary>
public sealed class Argon2Format(string variant) : KeptHashFormat(variant, $"${variant}$")
{
    public const long MaxMemoryKib = 256 * 1024;
    public const long MaxPasses = 32;
    public const long MaxLanes = 16;
    public const int MinSaltBytes = 8;
    public const int MaxSaltBytes = 64;
    public const int MinHashBytes = 16;
    public const int MaxHashBytes = 64;

    private static readonly string[] ParameterNames = ["m", "t", "p"];

    public override KeptHashParse Parse(string value)
    {
        var parts = PartsAfterPrefix(value);
        // The version is optional in PHC (absent means 1.0, 0x10); everything written since 2016 says v=19.
        var hasVersion = parts.Length == 4;
        if (parts.Length is not (3 or 4) || (hasVersion && parts[0] is not ("v=19" or "v=16")))
        {
            return KeptHashParse.Invalid($"expected {Prefix}v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>");
        }

        var offset = hasVersion ? 1 : 0;
        Span<long> values = stackalloc long[3];
        if (!HashText.TryParseParameters(parts[offset], ParameterNames, values))
        {
            return KeptHashParse.Invalid("expected the parameters m=<KiB>,t=<passes>,p=<lanes>");
        }

        var (memory, passes, lanes) = (values[0], values[1], values[2]);
        if (lanes is < 1 or > MaxLanes || passes is < 1 or > MaxPasses || memory < 8 * lanes || memory > MaxMemoryKib)
        {
            return KeptHashParse.Invalid($"the parameters must be p {HashText.Range(1, MaxLanes)}, t {HashText.Range(1, MaxPasses)} and m from 8·p to {MaxMemoryKib} KiB");
        }

        return HashText.TryDecodeBase64(parts[offset + 1], dotForPlus: false, out var salt) && salt.Length is >= MinSaltBytes and <= MaxSaltBytes
            && HashText.TryDecodeBase64(parts[offset + 2], dotForPlus: false, out var hash) && hash.Length is >= MinHashBytes and <= MaxHashBytes
            ? KeptHashParse.Valid(Name)
            : KeptHashParse.Invalid($"the salt must be {MinSaltBytes}–{MaxSaltBytes} and the hash {MinHashBytes}–{MaxHashBytes} bytes in base64");
    }
}
