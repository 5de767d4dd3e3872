using System.ComponentModel.DataAnnotations;

namespace UserPool.Api.Security;

/// <summary>
/// Limits on failed authentications (section "FailedAuthentication"): forged signatures, forged or unknown
/// management tokens and wrong secrets at get-management-token. Past a limit the client gets HTTP 429 with
/// Retry-After before the server reads the body or looks up a key.
/// </summary>
public sealed class FailedAuthenticationOptions
{
    public const string Section = "FailedAuthentication";

    /// <summary>Failures one client address may have per window, whatever key they name.</summary>
    [Range(1, 1_000_000)]
    public int PerAddressLimit { get; set; } = 30;

    /// <summary>
    /// Failures per window for one access key id from one client address. Keyed on the pair, so a stranger who
    /// knows a key id (the first key's id is the pool id) backs off without locking the key's owner out.
    /// </summary>
    [Range(1, 1_000_000)]
    public int PerKeyAndAddressLimit { get; set; } = 10;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;
}
