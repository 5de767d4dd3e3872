namespace UserPool.Api.Passwords.KeptHashes;

/// <summary>A format recognised by a fixed prefix; formats that cannot be verified yet say so.</summary>
public abstract class KeptHashFormat(string name, string prefix, StringComparison comparison = StringComparison.Ordinal) : IKeptHashFormat
{
    public string Name { get; } = name;

    public string Prefix { get; } = prefix;

    public bool Claims(string value) => value.StartsWith(Prefix, comparison);

    public abstract KeptHashParse Parse(string value);

    public virtual KeptHashVerification Verify(string password, string hash) => KeptHashVerification.NotSupported;

    /// <summary>The value after the prefix, split at '$' (formats whose parts are '$'-separated).</summary>
    protected string[] PartsAfterPrefix(string value) => value[Prefix.Length..].Split('$');
}
