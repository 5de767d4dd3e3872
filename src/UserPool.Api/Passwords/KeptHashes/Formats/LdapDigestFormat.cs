using System.Text;

namespace UserPool.Api.Passwords.KeptHashes.Formats;

/// <summary>
/// RFC 2307 userPassword values as OpenLDAP and 389-ds write them: {SHA}, {SHA256}, {SHA512}, {MD5} are base64 of
/// the digest of the password; the salted {SSHA}, {SSHA256}, {SSHA512}, {SMD5} are base64 of digest(password + salt)
/// followed by the salt. The scheme is case-insensitive, as in LDAP.
/// </summary>
public sealed class LdapDigestFormat(string scheme, string digest, bool salted)
    : KeptHashFormat($"LDAP {{{scheme}}}", $"{{{scheme}}}", StringComparison.OrdinalIgnoreCase)
{
    public const int MaxSaltBytes = 64;

    public override KeptHashParse Parse(string value) =>
        Read(value, out _, out _)
            ? KeptHashParse.Valid("ldap-" + scheme.ToLowerInvariant())
            : KeptHashParse.Invalid(salted
                ? $"expected {Prefix} and base64 of a {digest} digest followed by 1–{MaxSaltBytes} bytes of salt"
                : $"expected {Prefix} and base64 of a {digest} digest");

    public override KeptHashVerification Verify(string password, string hash)
    {
        if (!Read(hash, out var expected, out var salt))
        {
            return KeptHashVerification.Mismatch;
        }

        var computed = Digests.Hash(digest, [.. Encoding.UTF8.GetBytes(password), .. salt]);
        return Digests.Compare(expected, computed);
    }

    private bool Read(string value, out byte[] expected, out byte[] salt)
    {
        var size = Digests.SizeOf(digest);
        (expected, salt) = ([], []);
        var saltBytes = salted ? (Min: 1, Max: MaxSaltBytes) : (Min: 0, Max: 0);
        if (!HashText.TryDecodeBase64(value.AsSpan(Prefix.Length), dotForPlus: false, out var bytes)
            || bytes.Length < size + saltBytes.Min || bytes.Length > size + saltBytes.Max)
        {
            return false;
        }

        (expected, salt) = (bytes[..size], bytes[size..]);
        return true;
    }
}
