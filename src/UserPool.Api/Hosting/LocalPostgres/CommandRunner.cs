using System.ComponentModel;
using System.Diagnostics;

namespace UserPool.Api.Hosting.LocalPostgres;

internal sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs short-lived helper programs (initdb, pg_ctl, runuser, chown) with their output captured.</summary>
internal static class CommandRunner
{
    public static async Task<CommandResult> RunAsync(IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The postgres OS user may be unable to enter our working directory (e.g. under /root).
            WorkingDirectory = "/",
        };
        foreach (var argument in command.Skip(1))
            startInfo.ArgumentList.Add(argument);

        using var process = StartOrExplain(startInfo, command);
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new CommandResult(process.ExitCode, await standardOutput, await standardError);
    }

    public static async Task<CommandResult> RunCheckedAsync(
        IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var result = await RunAsync(command, cancellationToken);
        return result.ExitCode == 0 ? result : throw LocalPostgresCommandException.ForFailure(command, result);
    }

    public static string Describe(IEnumerable<string> command) =>
        string.Join(' ', command.Select(argument =>
            argument.Length > 0 && !argument.Any(char.IsWhiteSpace) && !argument.Contains('\'')
                ? argument
                : "'" + argument.Replace("'", "'\\''") + "'"));

    private static Process StartOrExplain(ProcessStartInfo startInfo, IReadOnlyList<string> command)
    {
        try
        {
            return Process.Start(startInfo)
                ?? throw new LocalPostgresCommandException($"`{Describe(command)}` could not be started.");
        }
        catch (Win32Exception exception)
        {
            throw new LocalPostgresCommandException(
                $"`{Describe(command)}` could not be started: {exception.Message}", exception);
        }
    }
}
