namespace UserPool.Api.Infrastructure;

public static class Timestamps
{
    /// <summary>
    /// Now, cut to whole milliseconds: answers carry milliseconds (toISOString), and a value read back from
    /// PostgreSQL (microseconds) must equal the one answered at creation.
    /// </summary>
    public static DateTime Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }
}
