namespace UserPool.Api.Passwords.KeptHashes.Formats;

/// <summary>The FreeBSD/glibc MD5-crypt of openssl passwd -1: $1$&lt;salt, up to 8&gt;$&lt;22 hash characters&gt; (a fixed 1000 rounds).</summary>
public sealed class Md5CryptFormat() : KeptHashFormat("md5-crypt", "$1$")
{
    public override KeptHashParse Parse(string value)
    {
        var parts = PartsAfterPrefix(value);
        return parts.Length == 2 && parts[0].Length <= 8 && HashText.IsCrypt64(parts[0]) && parts[1].Length == 22 && HashText.IsCrypt64(parts[1])
            ? KeptHashParse.Valid(Name)
            : KeptHashParse.Invalid("expected $1$<salt of up to 8 characters>$<22 characters of crypt base64>");
    }
}
