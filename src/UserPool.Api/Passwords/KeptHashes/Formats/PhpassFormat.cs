namespace UserPool.Api.Passwords.KeptHashes.Formats;

/// <summary>
/// phpass portable hashes (WordPress $P$, phpBB $H$): one character of cost (log2 of the MD5 iterations, in crypt
/// base64), 8 of salt and 22 of hash. WordPress writes cost 13 ('B'), phpBB 11 ('9'); phpass accepts up to 30 (a
/// billion MD5s a sign-in), so the cost is bounded at 20.
/// </summary>
public sealed class PhpassFormat(string prefix) : KeptHashFormat("phpass", prefix)
{
    public const int MinCost = 7;
    public const int MaxCost = 20;
    private const string Itoa64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public override KeptHashParse Parse(string value)
    {
        var rest = value.AsSpan(Prefix.Length);
        if (rest.Length != 1 + 8 + 22 || !HashText.IsCrypt64(rest))
        {
            return KeptHashParse.Invalid($"expected {Prefix} and 31 characters of crypt base64 (cost, 8 of salt, 22 of hash)");
        }

        var cost = Itoa64.IndexOf(rest[0], StringComparison.Ordinal);
        return cost is < MinCost or > MaxCost
            ? KeptHashParse.Invalid($"the cost '{rest[0]}' ({cost}) is outside {MinCost}–{MaxCost} ('{Itoa64[MinCost]}'–'{Itoa64[MaxCost]}')")
            : KeptHashParse.Valid(Name);
    }
}
