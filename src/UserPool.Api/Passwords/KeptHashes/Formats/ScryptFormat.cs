namespace UserPool.Api.Passwords.KeptHashes.Formats;

/// <summary>
/// scrypt in the PHC form passlib and Ory Kratos write: $scrypt$ln=&lt;log2 N&gt;,r=&lt;block size&gt;,p=&lt;parallelism&gt;$&lt;salt&gt;$&lt;key&gt;,
/// base64 with or without padding. scrypt needs 128·N·r bytes of memory to verify; more than 256 MiB is refused.
/// </summary>
public sealed class ScryptFormat() : KeptHashFormat("scrypt", "$scrypt$")
{
    public const long MaxLog2N = 20;
    public const long MaxBlockSize = 32;
    public const long MaxParallelism = 16;
    public const long MaxMemoryBytes = 256L * 1024 * 1024;

    private static readonly string[] ParameterNames = ["ln", "r", "p"];

    public override KeptHashParse Parse(string value)
    {
        var parts = PartsAfterPrefix(value);
        Span<long> values = stackalloc long[3];
        if (parts.Length != 3 || !HashText.TryParseParameters(parts[0], ParameterNames, values))
        {
            return KeptHashParse.Invalid("expected $scrypt$ln=<log2 N>,r=<block size>,p=<parallelism>$<salt>$<key>");
        }

        var (log2N, blockSize, parallelism) = (values[0], values[1], values[2]);
        if (log2N is < 1 or > MaxLog2N || blockSize is < 1 or > MaxBlockSize || parallelism is < 1 or > MaxParallelism
            || 128L * blockSize << (int)log2N > MaxMemoryBytes)
        {
            return KeptHashParse.Invalid($"the parameters must be ln {HashText.Range(1, MaxLog2N)}, r {HashText.Range(1, MaxBlockSize)}, p {HashText.Range(1, MaxParallelism)} and 128·2^ln·r at most 256 MiB");
        }

        return HashText.IsBase64Of(parts[1], 1, 64) && HashText.IsBase64Of(parts[2], 16, 64)
            ? KeptHashParse.Valid(Name)
            : KeptHashParse.Invalid("the salt must be 1–64 and the key 16–64 bytes in base64");
    }
}
