namespace UserPool.Api.Passwords;

/// <summary>
/// Recorded in accounts.password_algorithm. Passwords this server hashes are bcrypt; a kept hash records its
/// format's algorithm (KeptHashes.KeptHashRegistry), or unknown.
/// </summary>
public static class PasswordAlgorithms
{
    public const string Bcrypt = "bcrypt";
    public const string Unknown = "unknown";
}
