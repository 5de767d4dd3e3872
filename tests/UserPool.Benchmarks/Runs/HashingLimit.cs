using System.Diagnostics;

namespace UserPool.Benchmarks.Runs;

/// <summary>
/// Baseline (c): cores × 1 / (time of one BCrypt hash at the work factor), the time measured here and now
/// (median of several single-threaded hashes). All cores hashing at once is measured too, for context.
/// </summary>
public static class HashingLimit
{
    public sealed record Measurement(double SingleHashMs, int Cores, double AllCoresHashesPerSecond)
    {
        public double HashesPerSecond => Cores * 1000 / SingleHashMs;
    }

    /// <summary>Measured just before and just after a plaintext run; the run is compared with their mean.</summary>
    public sealed record Bracket(Measurement Before, Measurement After)
    {
        public double HashesPerSecond => (Before.HashesPerSecond + After.HashesPerSecond) / 2;
        public double AllCoresHashesPerSecond => (Before.AllCoresHashesPerSecond + After.AllCoresHashesPerSecond) / 2;
    }

    public static Measurement Measure(int workFactor, int samples)
    {
        BCrypt.Net.BCrypt.HashPassword("warm-up", workFactor);
        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            BCrypt.Net.BCrypt.HashPassword($"Pw-sample-{i}", workFactor);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var cores = Environment.ProcessorCount;
        var clock = Stopwatch.StartNew();
        var perThread = Math.Max(2, samples / 2);
        var threads = Enumerable.Range(0, cores).Select(t => new Thread(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                BCrypt.Net.BCrypt.HashPassword($"Pw-parallel-{t}-{i}", workFactor);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return new Measurement(Stats.Median(times), cores, cores * perThread / clock.Elapsed.TotalSeconds);
    }
}
