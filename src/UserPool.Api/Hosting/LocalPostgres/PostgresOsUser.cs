namespace UserPool.Api.Hosting.LocalPostgres;

/// <summary>
/// Runs PostgreSQL programs as the right OS user: initdb and postgres refuse to run as root,
/// so a root host (containers, CI) delegates them to the <c>postgres</c> account through runuser.
/// </summary>
internal sealed class PostgresOsUser
{
    public const string Name = "postgres";

    private PostgresOsUser(bool hostIsRoot) => HostIsRoot = hostIsRoot;

    public bool HostIsRoot { get; }

    public static PostgresOsUser ForThisProcess() => new(Environment.IsPrivilegedProcess);

    public Task<CommandResult> RunAsync(IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(AsPostgresUser(command), cancellationToken);

    public Task<CommandResult> RunCheckedAsync(IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        CommandRunner.RunCheckedAsync(AsPostgresUser(command), cancellationToken);

    /// <summary>True when the server's user can search <paramref name="directory"/> and every ancestor of it.</summary>
    public async Task<bool> CanEnterAsync(string directory, CancellationToken cancellationToken) =>
        (await RunAsync(["test", "-x", directory], cancellationToken)).ExitCode == 0;

    public async Task<bool> OwnsAsync(string path, CancellationToken cancellationToken) =>
        (await RunAsync(["test", "-O", path], cancellationToken)).ExitCode == 0;

    private IReadOnlyList<string> AsPostgresUser(IReadOnlyList<string> command) =>
        HostIsRoot ? [RunUserProgram(), "-u", Name, "--", .. command] : command;

    // root's PATH normally holds sbin, but minimal container images sometimes drop it.
    private static string RunUserProgram() =>
        ExecutableLookup.FindOnPath("runuser")
        ?? new[] { "/usr/sbin/runuser", "/sbin/runuser" }.FirstOrDefault(File.Exists)
        ?? "runuser";
}
