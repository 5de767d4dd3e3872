namespace UserPool.Benchmarks.Hosting;

/// <summary>
/// Resident memory of a process from /proc/&lt;pid&gt;/status: VmRSS now, VmHWM the peak. Writing 5 to
/// /proc/&lt;pid&gt;/clear_refs resets the peak, so each scenario reports its own; where that is refused,
/// a background sampler's maximum stands in for it.
/// </summary>
public sealed class ProcessMemory : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _sampledPeakKb;

    public ProcessMemory(int pid)
    {
        _pid = pid;
        _sampler = Task.Run(SampleAsync);
    }

    public bool PeakResettable { get; private set; } = true;

    public long RssKb() => Read("VmRSS:");

    /// <summary>Starts a window whose peak <see cref="PeakKb"/> reports.</summary>
    public void ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{_pid}/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            PeakResettable = false;
        }

        Interlocked.Exchange(ref _sampledPeakKb, RssKb());
    }

    public long PeakKb()
    {
        var sampled = Interlocked.Read(ref _sampledPeakKb);
        return PeakResettable ? Math.Max(Read("VmHWM:"), sampled) : sampled;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler.ContinueWith(_ => { });
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            var rss = RssKb();
            long seen;
            while (rss > (seen = Interlocked.Read(ref _sampledPeakKb)) && Interlocked.CompareExchange(ref _sampledPeakKb, rss, seen) != seen)
            {
            }
        }
    }

    private long Read(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0]);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
