namespace UserPool.Api.Hosting.LocalPostgres;

internal static class ExecutableLookup
{
    /// <summary>Returns the full path of <paramref name="fileName"/> in the first PATH directory holding it, or null.</summary>
    public static string? FindOnPath(string fileName)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, fileName))
            .FirstOrDefault(File.Exists);
    }
}
