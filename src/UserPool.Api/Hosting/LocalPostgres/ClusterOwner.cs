namespace UserPool.Api.Hosting.LocalPostgres;

/// <summary>
/// Which process owns (and so stops) a running server: the pid in &lt;data&gt;/userpool.owner.
/// A server adopted from a dead owner becomes ours; one whose owner still runs (a server while a
/// `pools create` verb runs beside it) is only borrowed and left running.
/// </summary>
internal static class ClusterOwner
{
    private const string FileName = "userpool.owner";

    public static void Claim(string dataDirectory) =>
        File.WriteAllText(Path.Combine(dataDirectory, FileName), Environment.ProcessId.ToString());

    public static bool IsHeldByAnotherLiveProcess(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path) || !int.TryParse(File.ReadAllText(path).Trim(), out var pid) || pid == Environment.ProcessId)
            return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
