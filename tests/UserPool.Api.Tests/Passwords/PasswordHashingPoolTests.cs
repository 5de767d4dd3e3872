using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using UserPool.Api.Accounts;
using UserPool.Api.Infrastructure;
using UserPool.Api.Passwords;

namespace UserPool.Api.Tests.Passwords;

/// <summary>
/// The hashing pool on one thread, so the order of service is the order of completion. Where a test must know what is
/// still queued, the thread hashes behind a gate the test opens: on a loaded machine a test thread can be held up for
/// longer than several hashes take, and the queue would have drained before the test looked.
/// </summary>
public sealed class PasswordHashingPoolTests
{
    /// <param name="hashed">Told each password as the hashing thread takes it, so the order of service is observed where it
    /// happens (the callers' continuations run on the thread pool, in any order).</param>
    private static PasswordHashingPool OneThread(
        int largestBatch = 50, double maxQueuedSeconds = 0, HashGate? gate = null, Action<string>? hashed = null) => new(
        Options.Create(new PasswordOptions { BcryptWorkFactor = 6, HashingThreads = 1, MaxQueuedHashingSeconds = maxQueuedSeconds }),
        Options.Create(new AccountsOptions { MaxBatchSize = largestBatch }), Observability.UnobservedMetrics.Create(),
        (password, workFactor) =>
        {
            gate?.Wait();
            hashed?.Invoke(password);
            return BCrypt.Net.BCrypt.HashPassword(password, workFactor);
        });

    [Fact]
    public void A_fresh_pool_that_never_refused_a_batch_is_not_saturated()
    {
        using var hashing = OneThread();

        var saturation = hashing.Saturation;

        Assert.False(saturation.RefusedRecently);
        Assert.Equal(0, saturation.Queued);
    }

    [Fact]
    public async Task A_pools_single_hash_is_served_after_at_most_one_hash_of_a_pool_that_queued_many()
    {
        using var gate = new HashGate();
        var served = new ConcurrentQueue<string>();
        using var hashing = OneThread(gate: gate, hashed: served.Enqueue);
        var big = Enumerable.Range(0, 20).Select(i => hashing.HashAllAsync("a", [$"a{i}"], CancellationToken.None)).ToList();
        var small = hashing.HashAllAsync("b", ["b"], CancellationToken.None);
        gate.Open();

        await Task.WhenAll(big.Append(small));

        // At most two of pool a's hashes (the one running when b queued, the one in turn before b) are served first.
        var order = served.ToList();
        Assert.Equal(21, order.Count);
        Assert.InRange(order.IndexOf("b"), 0, 2);
    }

    [Fact]
    public async Task A_batch_beyond_the_pools_bound_is_refused_whole_with_a_429_and_retry_after_while_other_pools_pass()
    {
        using var gate = new HashGate();
        using var hashing = OneThread(largestBatch: 5, gate: gate);
        var first = hashing.HashAllAsync("a", Passwords(5), CancellationToken.None); // the bound is one largest batch (seconds: 0)

        var refused = Assert.Throws<ApiException>(() => { _ = hashing.HashAllAsync("a", Passwords(1), CancellationToken.None); });
        Assert.Equal(429, refused.StatusCode);
        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        Assert.True(hashing.Saturation.RefusedRecently); // /health/ready reports Degraded for a while
        var otherPool = hashing.HashAllAsync("b", Passwords(3), CancellationToken.None);
        gate.Open();
        Assert.Equal(3, (await otherPool).Length);

        await first;
        Assert.Single(await hashing.HashAllAsync("a", Passwords(1), CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_batch_leaves_the_queue_at_once_and_frees_its_pools_bound()
    {
        using var gate = new HashGate();
        var served = new ConcurrentQueue<string>();
        using var hashing = OneThread(largestBatch: 50, gate: gate, hashed: served.Enqueue);
        using var hangUp = new CancellationTokenSource();
        var abandoned = hashing.HashAllAsync("a", Passwords(50), hangUp.Token);

        await hangUp.CancelAsync();
        gate.Open();

        // The one already taken by the thread (if any) finishes; the rest never run.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.InRange(served.Count, 0, 1);
        Assert.Equal(0, hashing.Saturation.Queued);
        Assert.Equal(50, (await hashing.HashAllAsync("a", Passwords(50), CancellationToken.None)).Length);
    }

    [Fact]
    public void The_bound_in_seconds_of_work_never_falls_below_one_largest_batch()
    {
        using var tiny = OneThread(largestBatch: 50, maxQueuedSeconds: 0);
        using var generous = OneThread(largestBatch: 50, maxQueuedSeconds: 3600);

        Assert.Equal(50, tiny.LimitPerPool);
        Assert.True(generous.LimitPerPool > 50);
    }

    /// <summary>Holds the hashing thread until opened. Opening on dispose lets a failed test's thread finish (never
    /// disposing the event under a waiting thread).</summary>
    private sealed class HashGate : IDisposable
    {
        private readonly ManualResetEventSlim _open = new(false);

        public void Wait() => _open.Wait();

        public void Open() => _open.Set();

        public void Dispose() => Open();
    }

    private static string[] Passwords(int count) => Enumerable.Range(0, count).Select(i => $"password-{i}").ToArray();
}
