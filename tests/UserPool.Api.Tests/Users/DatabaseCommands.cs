using System.Diagnostics;
using Npgsql;

namespace UserPool.Api.Tests.Users;

/// <summary>Counts Npgsql's command activities on one test database (each fixture has its own), whatever client sends them.</summary>
public sealed class DatabaseCommands : IDisposable
{
    private readonly ActivityListener _listener;
    private int _count;

    public DatabaseCommands(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TagObjects.Any(tag => Equals(tag.Value, database)) || activity.DisplayName.Contains(database, StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _count);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int Count => Volatile.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
