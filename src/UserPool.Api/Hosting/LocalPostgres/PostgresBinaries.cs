using System.Diagnostics;
using System.Globalization;

namespace UserPool.Api.Hosting.LocalPostgres;

/// <summary>A directory holding the PostgreSQL server programs needed to create and run a private cluster.</summary>
public sealed class PostgresBinaries
{
    private const string DistributionRoot = "/usr/lib/postgresql";
    private static readonly string[] RequiredPrograms = ["initdb", "pg_ctl", "postgres"];

    private PostgresBinaries(string directory) => Directory = directory;

    public string Directory { get; }
    public string InitDb => Path.Combine(Directory, "initdb");
    public string PgCtl => Path.Combine(Directory, "pg_ctl");
    public string Postgres => Path.Combine(Directory, "postgres");

    /// <summary>Looks on PATH, then at <c>pg_config --bindir</c>, then under /usr/lib/postgresql/*/bin (highest major wins).</summary>
    public static PostgresBinaries? Locate() =>
        FromPathVariable()
        ?? FromDirectory(PgConfigBinDirectory())
        ?? NewestDistributionInstall();

    public static PostgresBinaries LocateOrThrow() => Locate() ?? throw new LocalPostgresUnavailableException();

    /// <summary>Returns the binaries in <paramref name="directory"/>, or null when any required program is missing.</summary>
    public static PostgresBinaries? FromDirectory(string? directory) =>
        !string.IsNullOrEmpty(directory)
        && RequiredPrograms.All(program => File.Exists(Path.Combine(directory, program)))
            ? new PostgresBinaries(Path.GetFullPath(directory))
            : null;

    public override string ToString() => Directory;

    // initdb on PATH is often a symlink into the real installation; report that directory, not the link farm.
    private static PostgresBinaries? FromPathVariable()
    {
        var initDb = ExecutableLookup.FindOnPath("initdb");
        if (initDb is null)
            return null;
        var resolved = File.ResolveLinkTarget(initDb, returnFinalTarget: true)?.FullName;
        return FromDirectory(Path.GetDirectoryName(resolved)) ?? FromDirectory(Path.GetDirectoryName(initDb));
    }

    private static string? PgConfigBinDirectory()
    {
        var pgConfig = ExecutableLookup.FindOnPath("pg_config");
        if (pgConfig is null)
            return null;
        try
        {
            using var process = Process.Start(new ProcessStartInfo(pgConfig, "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
                return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            return process.WaitForExit(TimeSpan.FromSeconds(10)) && process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // a broken pg_config only means this lookup path yields nothing
        }
    }

    private static PostgresBinaries? NewestDistributionInstall()
    {
        if (!System.IO.Directory.Exists(DistributionRoot))
            return null;
        return System.IO.Directory.EnumerateDirectories(DistributionRoot)
            .Select(versionDirectory => (
                Version: decimal.TryParse(Path.GetFileName(versionDirectory), NumberStyles.Number,
                    CultureInfo.InvariantCulture, out var version) ? version : (decimal?)null,
                Binaries: FromDirectory(Path.Combine(versionDirectory, "bin"))))
            .Where(candidate => candidate.Version is not null && candidate.Binaries is not null)
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Binaries)
            .FirstOrDefault();
    }
}
