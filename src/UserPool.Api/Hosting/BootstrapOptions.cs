namespace UserPool.Api.Hosting;

/// <summary>
/// The first pool created on an empty database (section "Bootstrap"). A deployment may fix its key id and
/// secret here (e.g. from compose's environment) so it knows its key without reading the console.
/// </summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string PoolName { get; set; } = "default";
    public string? AccessKeyId { get; set; }
    public string? AccessKeySecret { get; set; }
}
