using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace UserPool.Api.Tests.Observability;

/// <summary>
/// Logging:Console:FormatterName=json (the container setting) makes the server's console lines JSON objects that
/// carry the request's scope. Checked through the formatter the server's own configuration selects, writing into a
/// string: the real console is shared by every test running in parallel.
/// </summary>
public sealed class JsonConsoleLogTests
{
    private const string RequestId = "6512bd43d9caa6e02c990b0a";

    [Fact]
    public void WithTheJsonSetting_AConsoleLineIsJsonCarryingTheRequestIdScope()
    {
        var line = JsonNode.Parse(WriteOneLine(["--Logging:Console:FormatterName=json"]))!;

        Assert.Equal("Unhandled fault", (string)line["Message"]!);
        Assert.Equal("Error", (string)line["LogLevel"]!);
        Assert.Contains(line["Scopes"]!.AsArray(), scope => (string?)scope!["RequestId"] == RequestId);
    }

    [Fact]
    public void WithoutTheSetting_AConsoleLineIsTextStillCarryingTheRequestId()
    {
        var line = WriteOneLine([]);

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonNode.Parse(line));
        Assert.Contains($"RequestId:{RequestId}", line);
    }

    /// <summary>One error line, written in a request's scope by the formatter the server's configuration selects.</summary>
    private static string WriteOneLine(string[] args)
    {
        // The server's own defaults and appsettings.json (copied next to the test binaries), as Program builds them.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        using var app = builder.Build();
        var name = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
        var formatter = app.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == name);
        var scopes = new LoggerExternalScopeProvider();
        using var scope = scopes.Push(new RequestScope("/api/v3/create-users", RequestId));
        using var output = new StringWriter();
        formatter.Write(new LogEntry<string>(LogLevel.Error, "UserPool.Api.Infrastructure.ApiExceptionHandler", new EventId(0), "Unhandled fault",
            null, (state, _) => state), scopes, output);
        return output.ToString();
    }

    /// <summary>Shaped as ASP.NET Core's hosting scope: its values for structured output, its text for the plain one.</summary>
    private sealed class RequestScope(string path, string requestId) : List<KeyValuePair<string, object>>([new("RequestPath", path), new("RequestId", requestId)])
    {
        public override string ToString() => $"RequestPath:{path} RequestId:{requestId}";
    }
}
