using System.Text.RegularExpressions;

namespace UserPool.Api.Passwords;

/// <summary>
/// Recognises the format of a hash imported with keepPassword, so a later login (or a migration script)
/// knows how to verify it. Unknown formats are kept too, recorded as "unknown".
/// </summary>
public static partial class KeptHashFormats
{
    public static string Detect(string hash) => hash switch
    {
        _ when hash.StartsWith("$2a$", StringComparison.Ordinal) || hash.StartsWith("$2b$", StringComparison.Ordinal)
            || hash.StartsWith("$2y$", StringComparison.Ordinal) || hash.StartsWith("$2x$", StringComparison.Ordinal) => PasswordAlgorithms.Bcrypt,
        _ when hash.StartsWith("$argon2", StringComparison.Ordinal) => PasswordAlgorithms.Argon2,
        _ when hash.StartsWith("$pbkdf2", StringComparison.Ordinal) || hash.StartsWith("pbkdf2_", StringComparison.Ordinal) => PasswordAlgorithms.Pbkdf2,
        _ when hash.StartsWith("$5$", StringComparison.Ordinal) || hash.StartsWith("$6$", StringComparison.Ordinal)
            || hash.StartsWith("{SHA", StringComparison.OrdinalIgnoreCase) || hash.StartsWith("{SSHA", StringComparison.OrdinalIgnoreCase) => PasswordAlgorithms.Sha,
        _ when Hex().IsMatch(hash) && hash.Length is 40 or 56 or 64 or 96 or 128 => PasswordAlgorithms.Sha,
        _ when Hex().IsMatch(hash) && hash.Length == 32 => PasswordAlgorithms.Md5,
        _ when hash.StartsWith("$1$", StringComparison.Ordinal) || hash.StartsWith("{MD5}", StringComparison.OrdinalIgnoreCase) => PasswordAlgorithms.Md5,
        _ => PasswordAlgorithms.Unknown,
    };

    [GeneratedRegex("^[0-9a-fA-F]+\\z")]
    private static partial Regex Hex();
}

public static class PasswordAlgorithms
{
    public const string Bcrypt = "bcrypt";
    public const string Argon2 = "argon2";
    public const string Pbkdf2 = "pbkdf2";
    public const string Sha = "sha";
    public const string Md5 = "md5";
    public const string Unknown = "unknown";
}
