using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UserPool.Api.Hosting;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Http.Support;

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

/// <summary>A clock the test moves by hand; thread-safe because the server reads it from request threads.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
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
public sealed class LogCapturingApiFactory : UserPoolApiFactory
{
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.AddFilter<CapturingLoggerProvider>(category: null, LogLevel.Trace);
        });
    }
}

/// <summary>
/// Every line with the scopes it was written in (RequestId, RequestPath, …), as a structured sink would store them.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _lines, () => _scopes);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines, Func<IExternalScopeProvider> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => scopes().Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new List<string>();
            scopes().ForEachScope((value, list) => list.Add(Describe(value)), scope);
            lines.Enqueue($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)} | {Describe(state)} | scopes: {string.Join(" => ", scope)} | {exception}");
        }

        // Structured state too: a sink that stores properties would store these values even when the message omits them.
        private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : state?.ToString() ?? "";
    }
}
