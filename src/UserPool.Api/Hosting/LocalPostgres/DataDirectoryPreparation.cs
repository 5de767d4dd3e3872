using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace UserPool.Api.Hosting.LocalPostgres;

/// <summary>Decides where the cluster lives and hands that directory to the server's OS user.</summary>
internal static class DataDirectoryPreparation
{
    public const string FallbackRoot = "/var/tmp/userpool-postgres";

    public static async Task<string> PrepareAsync(
        string configuredDirectory, PostgresOsUser postgresUser, ILogger logger, CancellationToken cancellationToken)
    {
        // Without root the server runs as us, and initdb creates the directory itself.
        if (!postgresUser.HostIsRoot)
            return configuredDirectory;

        var directory = configuredDirectory;
        if (!await postgresUser.CanEnterAsync(NearestExistingAncestor(configuredDirectory), cancellationToken))
        {
            directory = FallbackFor(configuredDirectory);
            logger.LogWarning(
                "The {User} OS user cannot reach {ConfiguredDirectory} (an ancestor directory lacks o+x), " +
                "so the local PostgreSQL cluster lives in {FallbackDirectory} instead.",
                PostgresOsUser.Name, configuredDirectory, directory);
        }

        Directory.CreateDirectory(directory);
        if (!await postgresUser.OwnsAsync(directory, cancellationToken))
            await CommandRunner.RunCheckedAsync(["chown", "-R", PostgresOsUser.Name + ":", directory], cancellationToken);
        return directory;
    }

    /// <summary>A stable per-configuration directory, so each checkout keeps its own cluster across runs.</summary>
    public static string FallbackFor(string configuredDirectory)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(configuredDirectory)));
        return Path.Combine(FallbackRoot, Convert.ToHexStringLower(hash)[..12]);
    }

    private static string NearestExistingAncestor(string directory)
    {
        var ancestor = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(directory));
        while (ancestor is not null && !Directory.Exists(ancestor))
            ancestor = Path.GetDirectoryName(ancestor);
        return ancestor ?? "/";
    }
}
