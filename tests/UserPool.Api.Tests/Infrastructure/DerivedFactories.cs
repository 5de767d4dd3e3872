using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UserPool.Api.Hosting;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Infrastructure;

public static class FactoryExtensions
{
    public static async Task<TokenSdkClient> LoggedInTokenClientAsync(
        this UserPoolApiFactory api, TokenSdk sdk,
        string accessKeyId = UserPoolApiFactory.AccessKeyId, string secret = UserPoolApiFactory.AccessKeySecret)
    {
        var client = new TokenSdkClient(api.CreateClient(), sdk, accessKeyId, secret);
        Envelopes.AssertSuccess(await client.LoginAsync());
        return client;
    }

    public static async Task<HttpResponseMessage> SendSignedAsync(
        this UserPoolApiFactory api, NodeSdkRequest request,
        string accessKeyId = UserPoolApiFactory.AccessKeyId, string secret = UserPoolApiFactory.AccessKeySecret)
    {
        using var http = api.CreateClient();
        using var message = request.Sign(accessKeyId, secret);
        return await http.SendAsync(message);
    }
}

/// <summary>Five requests per second per pool, so the limiter can be crossed in a test.</summary>
public sealed class RateLimitedApiFactory : UserPoolApiFactory
{
    public const int Limit = 5;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:RateLimitPerSecond"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// The lowest body limit the settings allow (64 KiB), on real Kestrel: the limit is Kestrel's
/// MaxRequestBodySize, which the in-memory TestServer does not enforce.
/// </summary>
public sealed class SmallBodyLimitApiFactory : UserPoolApiFactory
{
    public const int LimitBytes = 64 * 1024;

    public SmallBodyLimitApiFactory() => UseKestrel(0);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Api:MaxRequestBodyBytes"] = LimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The server with a <see cref="MovableClock"/> in place of TimeProvider.System.</summary>
public sealed class MovableClockApiFactory : UserPoolApiFactory
{
    public MovableClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The server with every log line, at every level and category, captured as text.</summary>
public class LogCapturingApiFactory : UserPoolApiFactory
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.AddFilter<CapturedLogs>(category: null, LogLevel.Trace);
        });
    }
}

/// <summary>
/// Log capturing, and the server's sessions look for a deadlock only after 4 s of waiting (PostgreSQL's default is 1 s).
/// A test that forces a deadlock against the server needs the server's session to find it: PostgreSQL looks once per
/// wait, so on a loaded machine the test's second lock could come after the server's one look, and the test's own
/// session would be the victim.
/// </summary>
public sealed class SlowDeadlockCheckApiFactory : LogCapturingApiFactory
{
    public const string ServerDeadlockTimeout = "4s";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:UserPool", $"{ConnectionString};Options=-c deadlock_timeout={ServerDeadlockTimeout}");
    }
}
