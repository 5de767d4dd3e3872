namespace UserPool.Api.Passwords.KeptHashes;

/// <summary>
/// One way another system writes a password hash that keepPassword may import. A format is recognised by how its
/// values begin; a value that begins so must parse as the format or is refused, because a kept hash that cannot be
/// verified (or would take days to verify) is an account nobody can sign in to.
/// </summary>
public interface IKeptHashFormat
{
    /// <summary>The format's name in messages and in the README's table ("bcrypt", "Django pbkdf2_sha256").</summary>
    string Name { get; }

    /// <summary>True when the value begins as this format's values do (its prefix).</summary>
    bool Claims(string value);

    /// <summary>Checks the whole value: its shape, encodings and that its costs lie within the format's bounds.</summary>
    KeptHashParse Parse(string value);

    /// <summary>
    /// Whether <paramref name="password"/> is the password <paramref name="hash"/> (a value <see cref="Parse"/>
    /// accepted) was made from. For password sign-in; formats no well-kept library computes answer NotSupported.
    /// </summary>
    KeptHashVerification Verify(string password, string hash);
}

/// <summary>The outcome of parsing a kept hash: the algorithm to record, or what is wrong with it.</summary>
public readonly record struct KeptHashParse(string? Algorithm, string? Fault)
{
    public bool Succeeded => Fault is null;

    public static KeptHashParse Valid(string algorithm) => new(algorithm, null);

    public static KeptHashParse Invalid(string fault) => new(null, fault);
}

public enum KeptHashVerification
{
    Mismatch,
    Match,

    /// <summary>The format is recognised and bounded, but verifying it is not implemented yet.</summary>
    NotSupported,
}
