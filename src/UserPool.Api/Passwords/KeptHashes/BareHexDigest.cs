namespace UserPool.Api.Passwords.KeptHashes;

/// <summary>
/// A bare hex string of 32, 40, 64 or 128 digits is read as an unsalted md5, sha1, sha256 or sha512 digest. Legacy
/// databases hold md5 and sha1 digests this way more than any other, and the length says which digest it must be; a
/// wrong guess (a sha3-256 of 64 digits, say) only fails a later verification, which sends the user to a reset, as
/// an unknown hash would. With a separate salt the digest is unknown: where the salt went is not said
/// (the self-describing $sha256$pf=… form says it).
/// </summary>
public static class BareHexDigest
{
    public static string? Recognize(string value, bool hasSeparateSalt) => hasSeparateSalt || !HashText.IsHex(value)
        ? null
        : value.Length switch
        {
            32 => "md5",
            40 => "sha1",
            64 => "sha256",
            128 => "sha512",
            _ => null,
        };
}
