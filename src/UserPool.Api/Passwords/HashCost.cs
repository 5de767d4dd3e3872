using System.Diagnostics;

namespace UserPool.Api.Passwords;

/// <summary>
/// The time of one hash at the configured work factor: measured once at start-up, then followed as a moving
/// average of the hashes actually run, so the bound in seconds of work follows the machine's real speed.
/// </summary>
internal sealed class HashCost
{
    private const double Smoothing = 0.05;
    private double _seconds;

    private HashCost(double seconds) => _seconds = seconds;

    public double Seconds => Volatile.Read(ref _seconds);

    public static HashCost Measure(int workFactor)
    {
        BCrypt.Net.BCrypt.HashPassword("warm-up", workFactor); // the first call pays for JIT compilation
        var started = Stopwatch.GetTimestamp();
        BCrypt.Net.BCrypt.HashPassword("measure", workFactor);
        return new HashCost(Math.Max(1e-4, Stopwatch.GetElapsedTime(started).TotalSeconds));
    }

    public void Observe(TimeSpan elapsed)
    {
        // A lost update between two threads only drops one sample of many.
        var current = Seconds;
        Volatile.Write(ref _seconds, Math.Max(1e-4, current + (elapsed.TotalSeconds - current) * Smoothing));
    }
}
