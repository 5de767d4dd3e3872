using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace UserPool.Api.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps every line it is given as text: level, category, event id, message, the structured
/// values (a sink that stores properties would store them even when the message omits them), the exception, and the
/// scopes the line was written in. Each line starts with its level ("Debug UserPool.Api…[0]: message | …").
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <summary>A snapshot, in the order written.</summary>
    public IReadOnlyList<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            logs._scopes.ForEachScope((scope, list) => list.Add(Describe(scope)), scopes);
            var inScopes = scopes.Count == 0 ? "" : " | scopes: " + string.Join(" => ", scopes);
            logs._lines.Enqueue($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)} | {Describe(state)} | {exception}{inScopes}");
        }

        private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : state?.ToString() ?? "";
    }
}
