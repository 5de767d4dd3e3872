using System.Collections.Concurrent;
using System.Diagnostics;

namespace UserPool.Api.Tests.Reliability.Support;

/// <summary>Durations of one kind of request, and their percentiles.</summary>
public sealed class Latencies
{
    private readonly ConcurrentBag<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public async Task<T> TimeAsync<T>(Func<Task<T>> call)
    {
        var watch = Stopwatch.StartNew();
        var result = await call();
        _milliseconds.Add(watch.Elapsed.TotalMilliseconds);
        return result;
    }

    public Task TimeAsync(Func<Task> call) => TimeAsync(async () =>
    {
        await call();
        return 0;
    });

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public override string ToString() =>
        $"n={Count} p50={Percentile(50):F0} ms p90={Percentile(90):F0} ms p99={Percentile(99):F0} ms max={Percentile(100):F0} ms";
}
