namespace UserPool.Api.Hosting.LocalPostgres;

/// <summary>Runs initdb for a new cluster.</summary>
internal static class ClusterInitialization
{
    public static bool IsInitialized(string dataDirectory) => File.Exists(Path.Combine(dataDirectory, "PG_VERSION"));

    public static async Task InitializeAsync(
        PostgresBinaries binaries, string dataDirectory, PostgresOsUser postgresUser, CancellationToken cancellationToken)
    {
        await postgresUser.RunCheckedAsync(
        [
            binaries.InitDb,
            "--pgdata", dataDirectory,
            "--username", PostgresOsUser.Name,
            "--encoding", "UTF8",
            "--locale", await ChooseLocaleAsync(cancellationToken),
            // The server listens on 127.0.0.1 only, so the machine's own users are the only possible clients.
            "--auth", "trust",
        ], cancellationToken);
    }

    // C.UTF-8 keeps byte-order collation (stable across glibc upgrades) yet gives lower()/upper()
    // Unicode awareness; plain C is the fallback that every system has.
    private static async Task<string> ChooseLocaleAsync(CancellationToken cancellationToken)
    {
        try
        {
            var installed = await CommandRunner.RunAsync(["locale", "-a"], cancellationToken);
            var hasCUtf8 = installed.ExitCode == 0 && installed.StandardOutput
                .Split('\n', StringSplitOptions.TrimEntries)
                .Any(name => name.Equals("C.utf8", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("C.UTF-8", StringComparison.OrdinalIgnoreCase));
            return hasCUtf8 ? "C.UTF-8" : "C";
        }
        catch (LocalPostgresCommandException)
        {
            return "C"; // no `locale` program to ask
        }
    }
}
