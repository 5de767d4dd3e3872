using System.Diagnostics;

namespace UserPool.Benchmarks.Hosting;

/// <summary>CPU seconds spent by the server, by PostgreSQL (the postmaster and its backends) and by this driver.</summary>
public sealed record CpuUsage(double Server, double Postgres, double Driver)
{
    public static readonly CpuUsage None = new(0, 0, 0);

    public double Total => Server + Postgres + Driver;

    public CpuUsage Plus(CpuUsage other) => new(Server + other.Server, Postgres + other.Postgres, Driver + other.Driver);
}

/// <summary>
/// Reads utime+stime of the processes from /proc/&lt;pid&gt;/stat. Backends are the postmaster's children;
/// pooled connections live through a run, and one that starts during it is counted from zero.
/// </summary>
public sealed class CpuMeter(int serverPid, int postmasterPid)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public Snapshot Take() => new(Ticks(serverPid), PostgresTicks(), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);

    public CpuUsage Since(Snapshot before)
    {
        var now = Take();
        var postgres = now.Postgres.Sum(p => p.Value - before.Postgres.GetValueOrDefault(p.Key));
        return new CpuUsage((now.Server - before.Server) / TicksPerSecond, postgres / TicksPerSecond, now.Driver - before.Driver);
    }

    private Dictionary<int, long> PostgresTicks()
    {
        var ticks = new Dictionary<int, long> { [postmasterPid] = Ticks(postmasterPid) };
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Stat(pid) is { } stat && stat.ParentPid == postmasterPid)
            {
                ticks[pid] = stat.Ticks;
            }
        }

        return ticks;
    }

    private static long Ticks(int pid) => Stat(pid)?.Ticks ?? 0;

    private static (int ParentPid, long Ticks)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(fields[1]), long.Parse(fields[11]) + long.Parse(fields[12]));
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public sealed record Snapshot(long Server, Dictionary<int, long> Postgres, double Driver);
}
