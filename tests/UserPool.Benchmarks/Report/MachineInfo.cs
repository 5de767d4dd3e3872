using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace UserPool.Benchmarks.Report;

/// <summary>The machine, the software versions and the repository state a report was measured on.</summary>
public static class MachineInfo
{
    public static IEnumerable<(string Name, string Value)> Describe(string root)
    {
        yield return ("CPU", $"{CpuModel()}, {Environment.ProcessorCount} cores visible to .NET");
        yield return ("Memory", $"{MemoryGb():N1} GB");
        yield return ("OS", $"{OsName()} (kernel {ReadOr("/proc/sys/kernel/osrelease", "?").Trim()})");
        yield return (".NET", RuntimeInformation.FrameworkDescription);
        yield return ("Npgsql", VersionOf(typeof(Npgsql.NpgsqlConnection).Assembly));
        yield return ("EF Core", VersionOf(typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly));
        yield return ("BCrypt.Net-Next", VersionOf(typeof(BCrypt.Net.BCrypt).Assembly));
        yield return ("Commit", Git(root, "rev-parse", "--short", "HEAD") + (Git(root, "status", "--porcelain", "--untracked-files=no").Length > 0 ? " (with uncommitted changes)" : ""));
    }

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";

    private static double MemoryGb() =>
        long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0 / 1024.0;

    private static string OsName() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "Linux"
            : RuntimeInformation.OSDescription;

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "?";

    private static string ReadOr(string path, string fallback) => File.Exists(path) ? File.ReadAllText(path) : fallback;

    private static string Git(string root, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }
}
