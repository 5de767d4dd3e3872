using System.Text;

namespace UserPool.Api.Passwords.KeptHashes.Formats;

/// <summary>
/// A plain message digest of the password, optionally salted, written so that it says how it was made. The form is
/// Ory Kratos's (so values prepared for a Kratos import are accepted as they are):
/// <list type="bullet">
/// <item>$sha256$&lt;digest&gt; — unsalted;</item>
/// <item>$sha256$pf=&lt;base64 template&gt;$&lt;base64 salt&gt;$&lt;digest&gt; — the digest of the template with {SALT} and {PASSWORD}
/// replaced, e.g. pf=e1NBTFR9e1BBU1NXT1JEfQ== is "{SALT}{PASSWORD}" (salt before the password).</item>
/// </list>
/// The digest may be base64 (as Kratos writes it) or hex (as most legacy databases hold it); their lengths never
/// coincide for these digests. md5, sha1, sha256 and sha512.
/// </summary>
public sealed class SaltedDigestFormat(string digest) : KeptHashFormat(digest, $"${digest}$")
{
    public const int MaxTemplateLength = 128;
    public const int MaxSaltBytes = 256;
    private const string PasswordPlaceholder = "{PASSWORD}";
    private const string SaltPlaceholder = "{SALT}";

    public override KeptHashParse Parse(string value) =>
        Fault(value, out _) is { } fault ? KeptHashParse.Invalid(fault) : KeptHashParse.Valid(Name);

    public override KeptHashVerification Verify(string password, string hash)
    {
        if (Fault(hash, out var parsed) is not null)
        {
            return KeptHashVerification.Mismatch;
        }

        var input = new List<byte>();
        var pieces = (parsed.Template ?? PasswordPlaceholder).Split(SaltPlaceholder);
        for (var i = 0; i < pieces.Length; i++)
        {
            // The salt goes in as its bytes; the template's text and the password as UTF-8.
            if (i > 0)
            {
                input.AddRange(parsed.Salt);
            }

            input.AddRange(Encoding.UTF8.GetBytes(pieces[i].Replace(PasswordPlaceholder, password, StringComparison.Ordinal)));
        }

        return Digests.Compare(parsed.Digest, Digests.Hash(Name, input.ToArray()));
    }

    private string? Fault(string value, out (string? Template, byte[] Salt, byte[] Digest) parsed)
    {
        parsed = (null, [], []);
        var parts = PartsAfterPrefix(value);
        if (parts.Length == 1)
        {
            if (!TryReadDigest(parts[0], out var plain))
            {
                return $"expected {Prefix}<{Name} digest in hex or base64>";
            }

            parsed.Digest = plain;
            return null;
        }

        if (parts.Length != 3 || !parts[0].StartsWith("pf=", StringComparison.Ordinal))
        {
            return $"expected {Prefix}<digest> or {Prefix}pf=<base64 template>$<base64 salt>$<digest>";
        }

        if (!TryReadTemplate(parts[0]["pf=".Length..], out var template))
        {
            return $"the template (pf) must be base64 of at most {MaxTemplateLength} bytes holding {PasswordPlaceholder} once and {SaltPlaceholder}, e.g. {{SALT}}{{PASSWORD}}";
        }

        if (!HashText.TryDecodeBase64(parts[1], dotForPlus: false, out var salt) || salt.Length > MaxSaltBytes)
        {
            return $"the salt must be 1–{MaxSaltBytes} bytes in base64";
        }

        if (!TryReadDigest(parts[2], out var salted))
        {
            return $"the digest must be a {Name} digest in hex or base64";
        }

        parsed = (template, salt, salted);
        return null;
    }

    private bool TryReadDigest(string text, out byte[] bytes)
    {
        var size = Digests.SizeOf(Name);
        if (text.Length == 2 * size && HashText.IsHex(text))
        {
            bytes = Convert.FromHexString(text);
            return true;
        }

        return HashText.TryDecodeBase64(text, dotForPlus: false, out bytes) && bytes.Length == size;
    }

    private static bool TryReadTemplate(string encoded, out string template)
    {
        template = "";
        if (!HashText.TryDecodeBase64(encoded, dotForPlus: false, out var bytes) || bytes.Length > MaxTemplateLength
            || !System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return false;
        }

        template = Encoding.UTF8.GetString(bytes);
        var passwordAt = template.IndexOf(PasswordPlaceholder, StringComparison.Ordinal);
        return passwordAt >= 0 && template.IndexOf(PasswordPlaceholder, passwordAt + 1, StringComparison.Ordinal) < 0
            && template.Contains(SaltPlaceholder, StringComparison.Ordinal);
    }
}
