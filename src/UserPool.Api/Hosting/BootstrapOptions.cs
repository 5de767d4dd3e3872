namespace UserPool.Api.Hosting;

/// <summary>
/// The first pool created on an empty database (section "Bootstrap"). A deployment may fix its key id and
/// secret here (e.g. from compose's environment) so it knows its key without reading the console.
/// </summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>
    /// The shortest configured secret a Production server accepts for its first pool: a secret in a compose file or
    /// an environment is typed by a person, and 32 characters keep even a weak alphabet out of guessing range.
    /// </summary>
    public const int MinProductionSecretLength = 32;

    public string PoolName { get; set; } = "default";
    public string? AccessKeyId { get; set; }
    public string? AccessKeySecret { get; set; }
}
