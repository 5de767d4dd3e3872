namespace UserPool.Api.Hosting.LocalPostgres;

/// <summary>A PostgreSQL tool (initdb, pg_ctl, …) or a helper command failed; the message carries the command and its output tail.</summary>
public sealed class LocalPostgresCommandException : Exception
{
    private const int TailLength = 2000;

    public LocalPostgresCommandException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    internal static LocalPostgresCommandException ForFailure(
        IReadOnlyList<string> command, CommandResult result, string? extraDiagnostics = null)
    {
        // pg_ctl reports some failures only on stdout, so fall back to it when stderr is empty.
        var output = string.IsNullOrWhiteSpace(result.StandardError) ? result.StandardOutput : result.StandardError;
        var message = $"`{CommandRunner.Describe(command)}` exited with code {result.ExitCode}:\n{Tail(output)}";
        if (!string.IsNullOrWhiteSpace(extraDiagnostics))
            message += "\n" + extraDiagnostics;
        return new LocalPostgresCommandException(message);
    }

    internal static string Tail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= TailLength ? trimmed : "…" + trimmed[^TailLength..];
    }
}
