namespace UserPool.Api.Hosting;

/// <summary>
/// The checkout this process runs from: the first directory holding UserPool.sln above the binaries or, failing
/// that, above the current directory. The server, the tests and the benchmark all find it here.
/// </summary>
public static class RepositoryRoot
{
    /// <summary>The root, or null when neither the binaries nor the current directory lie inside a checkout.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "UserPool.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
