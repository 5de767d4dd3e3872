using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Data;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// What a stream of batches was answered, checked against what the database holds afterwards:
/// every acknowledged batch fully present, and no batch ever partly written.
/// </summary>
public sealed class BatchLedger
{
    private readonly ConcurrentBag<(string[] Markers, int HttpStatus, int StatusCode, TimeSpan Took)> _entries = [];

    public IReadOnlyCollection<(string[] Markers, int HttpStatus, int StatusCode, TimeSpan Took)> Entries => _entries;

    public void Record(string[] markers, int httpStatus, int statusCode, TimeSpan took) => _entries.Add((markers, httpStatus, statusCode, took));

    /// <returns>What was found, for the test's output: acknowledged batches present, and how the others ended.</returns>
    public async Task<string> AssertConsistentAsync(UserPoolDbContext db)
    {
        var stored = (await db.Accounts.AsNoTracking().Select(a => a.Name!).ToListAsync()).ToHashSet();
        int acknowledged = 0, unacknowledgedWritten = 0, unacknowledgedAbsent = 0;
        foreach (var (markers, _, statusCode, _) in _entries)
        {
            var present = markers.Count(stored.Contains);
            if (statusCode == 200)
            {
                Assert.True(present == markers.Length, $"acknowledged batch {markers[0]} has {present}/{markers.Length} items");
                acknowledged++;
            }
            else
            {
                Assert.True(present == 0 || present == markers.Length, $"batch {markers[0]} is partly written ({present}/{markers.Length})");
                if (present == 0)
                {
                    unacknowledgedAbsent++;
                }
                else
                {
                    unacknowledgedWritten++;
                }
            }
        }

        return $"acknowledged batches present {acknowledged}/{acknowledged} (lost 0); batches partly written 0; " +
            $"unacknowledged batches fully written {unacknowledgedWritten}, fully absent {unacknowledgedAbsent}";
    }

    public static object[] Items(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => (object)new { name = $"{prefix}-{i}", username = $"{prefix}-{i}" }).ToArray();
}
