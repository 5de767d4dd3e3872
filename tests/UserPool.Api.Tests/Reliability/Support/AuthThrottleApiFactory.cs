using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Reliability.Support;

/// <summary>
/// The server on real Kestrel (real client addresses: the in-memory TestServer has none) with low failed-authentication
/// limits and the logging levels the server ships with, every line captured. Tests vary the client address through
/// X-Forwarded-For, which the server believes only from its configured proxies.
/// </summary>
public class AuthThrottleApiFactory : UserPoolApiFactory
{
    public const int PerAddressLimit = 12;
    public const int PerKeyAndAddressLimit = 4;

    public AuthThrottleApiFactory() => UseKestrel(0);

    public CapturedLogs Logs { get; } = new();

    /// <summary>The proxies the server believes; the test client connects from loopback.</summary>
    protected virtual string KnownProxies => "127.0.0.1,::1";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["FailedAuthentication:PerAddressLimit"] = PerAddressLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FailedAuthentication:PerKeyAndAddressLimit"] = PerKeyAndAddressLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FailedAuthentication:WindowSeconds"] = "600",
        ["ForwardedHeaders:KnownProxies"] = KnownProxies,
        ["Notifications:StatusCacheDuration"] = "00:10:00",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:UserPool.Api.Security.FailedAuthentication"] = "Debug",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

/// <summary>The same server, believing forwarded headers only from a proxy the tests never connect from.</summary>
public sealed class UnknownProxyApiFactory : AuthThrottleApiFactory
{
    protected override string KnownProxies => "192.0.2.10";
}

[CollectionDefinition(Name)]
public sealed class AuthThrottleCollection : ICollectionFixture<AuthThrottleApiFactory>
{
    public const string Name = "auth-throttle";
}
