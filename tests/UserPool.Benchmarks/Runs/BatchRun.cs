using System.Diagnostics;
using UserPool.Benchmarks.Hosting;

namespace UserPool.Benchmarks.Runs;

/// <summary>One measured run: users written, wall time, each batch's latency, CPU spent and the server's peak RSS.</summary>
public sealed record RunResult(int Users, double WallSeconds, double[] LatenciesMs, CpuUsage Cpu, long ServerPeakRssKb)
{
    public double UsersPerSecond => Users / WallSeconds;
}

/// <summary>
/// Writes prepared batches with N concurrent clients, each taking the next batch as soon as its last one is
/// answered (closed loop), timing every batch. CPU and the server's peak memory are measured around the run.
/// </summary>
public static class BatchRun
{
    public static async Task<RunResult> RunAsync<T>(
        IReadOnlyList<T> batches, int clients, Func<T, int> usersOf, Func<T, Task> write,
        CpuMeter cpu, ProcessMemory serverMemory, Action<int, int>? afterBatch = null)
    {
        var latencies = new double[batches.Count];
        var next = -1;
        var done = 0;
        var written = 0;
        serverMemory.ResetPeak();
        var cpuBefore = cpu.Take();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count)
            {
                var start = Stopwatch.GetTimestamp();
                await write(batches[i]);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var users = Interlocked.Add(ref written, usersOf(batches[i]));
                afterBatch?.Invoke(Interlocked.Increment(ref done), users);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        return new RunResult(written, clock.Elapsed.TotalSeconds, latencies, cpu.Since(cpuBefore), serverMemory.PeakKb());
    }
}
