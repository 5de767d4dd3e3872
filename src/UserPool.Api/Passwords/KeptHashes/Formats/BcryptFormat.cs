using System.Globalization;

namespace UserPool.Api.Passwords.KeptHashes.Formats;

/// <summary>
/// bcrypt in its modular-crypt form: $2a$/$2b$/$2y$, a two-digit cost, then 22 characters of
/// salt and 31 of hash in bcrypt's base64. Each step of cost doubles the work: cost 16 is a few seconds of CPU per
/// sign-in, cost 31 days, so costs above 16 are refused. $2x$ (crypt_blowfish's mark for hashes made by its
/// sign-extension bug) is not claimed: verifying it needs that bug, which no .NET library reproduces; it is kept as unknown.
/// </summary>
public sealed class BcryptFormat(string prefix) : KeptHashFormat("bcrypt", prefix)
{
    public const int MinCost = 4;
    public const int MaxCost = 16;
    private const int SaltAndHashLength = 53;

    public override KeptHashParse Parse(string value)
    {
        var rest = value.AsSpan(Prefix.Length);
        if (rest.Length != 3 + SaltAndHashLength || !char.IsAsciiDigit(rest[0]) || !char.IsAsciiDigit(rest[1]) || rest[2] != '$'
            || !HashText.IsCrypt64(rest[3..]))
        {
            return KeptHashParse.Invalid($"expected {Prefix}<two-digit cost>$ followed by {SaltAndHashLength} characters of bcrypt base64");
        }

        var cost = int.Parse(rest[..2], CultureInfo.InvariantCulture);
        return cost is < MinCost or > MaxCost
            ? KeptHashParse.Invalid($"the cost {rest[..2]} is outside {MinCost:00}–{MaxCost:00}")
            : KeptHashParse.Valid("bcrypt");
    }

    public override KeptHashVerification Verify(string password, string hash)
    {
        try
        {
            return BCrypt.Net.BCrypt.Verify(password, hash) ? KeptHashVerification.Match : KeptHashVerification.Mismatch;
        }
        catch (BCrypt.Net.SaltParseException)
        {
            // The last salt character of a hand-made value can carry bits bcrypt does not use.
            return KeptHashVerification.Mismatch;
        }
    }
}
