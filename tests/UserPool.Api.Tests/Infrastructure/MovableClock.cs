namespace UserPool.Api.Tests.Infrastructure;

/// <summary>
/// A clock the test sets or moves by hand, forwards or backwards; thread-safe because the server reads it from
/// request threads. (FakeTimeProvider refuses to go back in time, which a token "issued in the future" needs.)
/// </summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public DateTimeOffset Now
    {
        get => GetUtcNow();
        set => Interlocked.Exchange(ref _ticks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
