using System.ComponentModel.DataAnnotations;

namespace UserPool.Api.Security;

/// <summary>Settings of management API authentication and limits (section "Security").</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>How far a signed request's date may be from the server clock, either way.</summary>
    [Range(1, 24 * 60)]
    public int SignatureWindowMinutes { get; set; } = 15;

    /// <summary>Lifetime of tokens from get-management-token (Authing: 7200 s).</summary>
    [Range(60, 7 * 24 * 3600)]
    public int ManagementTokenLifetimeSeconds { get; set; } = 7200;

    /// <summary>Requests per second per user pool (Authing's default is 300); beyond it, HTTP 429.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPerSecond { get; set; } = 300;

    /// <summary>Requests per second per client address on the unauthenticated endpoints (token, system).</summary>
    [Range(1, 1_000_000)]
    public int AnonymousRateLimitPerSecond { get; set; } = 50;

    /// <summary>
    /// How long a server trusts what it read about an access key. A revoked key is refused by every running
    /// server within this delay; each server reads each key in use once per period.
    /// </summary>
    [Range(1, 300)]
    public int AccessKeyCacheSeconds { get; set; } = 5;

    public TimeSpan SignatureWindow => TimeSpan.FromMinutes(SignatureWindowMinutes);
}
