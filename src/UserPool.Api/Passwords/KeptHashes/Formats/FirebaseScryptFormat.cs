namespace UserPool.Api.Passwords.KeptHashes.Formats;

/// <summary>
/// Firebase Authentication's modified scrypt, in the self-describing form Ory Kratos imports:
/// $firescrypt$ln=&lt;mem_cost&gt;,r=&lt;rounds&gt;,p=1$&lt;salt&gt;$&lt;hash&gt;$&lt;salt separator&gt;$&lt;signer key&gt;, every part standard
/// base64 as the Firebase console and auth:export print them. The hash is the signer key encrypted (AES-256-CTR) under
/// scrypt(password, salt + separator, N = 2^mem_cost, r = rounds, p = 1), so it is as long as the signer key.
/// Bounds are the Firebase Admin SDK's own: rounds 1–8, mem_cost 1–14.
/// </summary>
public sealed class FirebaseScryptFormat() : KeptHashFormat("Firebase scrypt", "$firescrypt$")
{
    public const long MaxMemCost = 14;
    public const long MaxRounds = 8;
    private static readonly string[] ParameterNames = ["ln", "r", "p"];

    public override KeptHashParse Parse(string value)
    {
        var parts = PartsAfterPrefix(value);
        Span<long> values = stackalloc long[3];
        if (parts.Length != 5 || !HashText.TryParseParameters(parts[0], ParameterNames, values))
        {
            return KeptHashParse.Invalid("expected $firescrypt$ln=<mem_cost>,r=<rounds>,p=1$<salt>$<hash>$<salt separator>$<signer key>");
        }

        if (values[0] is < 1 or > MaxMemCost || values[1] is < 1 or > MaxRounds || values[2] != 1)
        {
            return KeptHashParse.Invalid($"the parameters must be ln (mem_cost) {HashText.Range(1, MaxMemCost)}, r (rounds) {HashText.Range(1, MaxRounds)} and p 1");
        }

        var separatorRead = parts[3].Length == 0 || HashText.IsBase64Of(parts[3], 1, 16);
        return HashText.IsBase64Of(parts[1], 1, 64) && separatorRead
            && HashText.TryDecodeBase64(parts[2], dotForPlus: false, out var hash)
            && HashText.TryDecodeBase64(parts[4], dotForPlus: false, out var signerKey)
            && signerKey.Length is >= 16 and <= 128 && hash.Length == signerKey.Length
            ? KeptHashParse.Valid("firebase-scrypt")
            : KeptHashParse.Invalid("expected base64 salt (1–64 bytes), salt separator (0–16 bytes), signer key (16–128 bytes) and a hash as long as the signer key");
    }
}
