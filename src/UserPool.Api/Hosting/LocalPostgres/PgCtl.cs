namespace UserPool.Api.Hosting.LocalPostgres;

/// <summary>The pg_ctl operations the cluster needs, run as the server's OS user.</summary>
internal sealed class PgCtl(PostgresBinaries binaries, PostgresOsUser postgresUser)
{
    private const string TimeoutSeconds = "60";

    public async Task<bool> IsRunningAsync(string dataDirectory, CancellationToken cancellationToken) =>
        (await postgresUser.RunAsync([binaries.PgCtl, "status", "-D", dataDirectory], cancellationToken)).ExitCode == 0;

    public async Task StartAsync(string dataDirectory, int port, CancellationToken cancellationToken)
    {
        var logFile = Path.Combine(dataDirectory, "server.log");
        // pg_ctl hands -o to a shell, hence the quoted empty socket directory list: no socket in /var/run/postgresql.
        // fsync keeps its default (on): durability is part of what is being developed and tested.
        var serverOptions =
            $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories='' -c max_connections=200";
        IReadOnlyList<string> command =
            [binaries.PgCtl, "start", "-w", "-t", TimeoutSeconds, "-D", dataDirectory, "-l", logFile, "-o", serverOptions];
        var result = await postgresUser.RunAsync(command, cancellationToken);
        if (result.ExitCode != 0)
            throw LocalPostgresCommandException.ForFailure(command, result, ServerLogTail(logFile));
    }

    public Task StopAsync(string dataDirectory, CancellationToken cancellationToken) =>
        postgresUser.RunCheckedAsync(
            [binaries.PgCtl, "stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", TimeoutSeconds], cancellationToken);

    private static string ServerLogTail(string logFile)
    {
        try
        {
            return $"Tail of {logFile}:\n{LocalPostgresCommandException.Tail(File.ReadAllText(logFile))}";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"({logFile} is unreadable: {exception.Message})";
        }
    }
}
