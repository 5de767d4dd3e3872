using UserPool.Api.Passwords.KeptHashes.Formats;

namespace UserPool.Api.Passwords.KeptHashes;

/// <summary>
/// Every format a password kept with keepPassword may have (the README's "Kept password hashes" lists them). A value
/// that begins with a format's prefix must parse as that format or is refused; a bare hex digest is an unsalted
/// digest; anything else is kept as sent and recorded as unknown, as Authing keeps any string (a migration must not
/// lose an account because its hash is of a kind we do not know).
/// </summary>
public static class KeptHashRegistry
{
    public static IReadOnlyList<IKeptHashFormat> Formats { get; } =
    [
        new BcryptFormat("$2a$"), new BcryptFormat("$2b$"), new BcryptFormat("$2y$"),
        new Argon2Format("argon2id"), new Argon2Format("argon2i"),
        new Pbkdf2PhcFormat("sha256"), new Pbkdf2PhcFormat("sha512"), new DjangoPbkdf2Format(),
        new ScryptFormat(), new FirebaseScryptFormat(),
        new ShaCryptFormat("$5$", "sha256-crypt", 43), new ShaCryptFormat("$6$", "sha512-crypt", 86), new Md5CryptFormat(),
        new PhpassFormat("$P$"), new PhpassFormat("$H$"),
        new LdapDigestFormat("SSHA", "sha1", salted: true), new LdapDigestFormat("SHA", "sha1", salted: false),
        new LdapDigestFormat("SSHA256", "sha256", salted: true), new LdapDigestFormat("SHA256", "sha256", salted: false),
        new LdapDigestFormat("SSHA512", "sha512", salted: true), new LdapDigestFormat("SHA512", "sha512", salted: false),
        new LdapDigestFormat("SMD5", "md5", salted: true), new LdapDigestFormat("MD5", "md5", salted: false),
        new SaltedDigestFormat("md5"), new SaltedDigestFormat("sha1"), new SaltedDigestFormat("sha256"), new SaltedDigestFormat("sha512"),
    ];

    /// <summary>
    /// Reads a kept hash. <paramref name="hasSeparateSalt"/>: the item also sent a salt, which a bare hex digest
    /// cannot say where it goes, so such a digest is unknown rather than claimed to be unsalted.
    /// </summary>
    public static KeptHashReading Read(string value, bool hasSeparateSalt)
    {
        if (Claimant(value) is { } format)
        {
            var parse = format.Parse(value);
            return parse.Succeeded ? new(parse.Algorithm!, format, null) : new(PasswordAlgorithms.Unknown, format, parse.Fault);
        }

        return BareHexDigest.Recognize(value, hasSeparateSalt) is { } digest
            ? new(digest, null, null)
            : new(PasswordAlgorithms.Unknown, null, null);
    }

    /// <summary>Whether the password is the one the kept hash was made from; NotSupported for unknown and unverifiable formats.</summary>
    public static KeptHashVerification Verify(string password, string hash, bool hasSeparateSalt)
    {
        if (Claimant(hash) is { } format)
        {
            return format.Parse(hash).Succeeded ? format.Verify(password, hash) : KeptHashVerification.Mismatch;
        }

        return BareHexDigest.Recognize(hash, hasSeparateSalt) is { } digest
            ? Digests.Compare(Convert.FromHexString(hash), Digests.Hash(digest, System.Text.Encoding.UTF8.GetBytes(password)))
            : KeptHashVerification.NotSupported;
    }

    private static IKeptHashFormat? Claimant(string value)
    {
        // Every prefix begins with '$', '{' or "pbkdf2_": most values (and all of a bcrypt import) settle at the first test.
        foreach (var format in Formats)
        {
            if (format.Claims(value))
            {
                return format;
            }
        }

        return null;
    }
}

/// <summary>What the registry made of a kept hash: the algorithm to record, the format that claimed it, and why it is refused.</summary>
public readonly record struct KeptHashReading(string Algorithm, IKeptHashFormat? Format, string? Fault)
{
    public bool Refused => Fault is not null;

    /// <summary>A format of the registry (not unknown): what a decrypted keepPassword value must be.</summary>
    public bool Recognised => Fault is null && Algorithm != PasswordAlgorithms.Unknown;
}
