using System.Diagnostics;
using Microsoft.Extensions.Options;
using UserPool.Api.Accounts;
using UserPool.Api.Infrastructure;
using UserPool.Api.Observability;

namespace UserPool.Api.Passwords;

/// <summary>
/// BCrypt hashing on dedicated threads, one per core by default. Hashing is pure CPU work of tens of
/// milliseconds per password; on the shared thread pool a large batch would starve request handling,
/// while a fixed set of threads keeps every core busy and bounds the work of all concurrent batches together.
/// The threads serve the pools in turn (<see cref="FairQueue{T}"/>), so one pool's import cannot delay another
/// pool's single create by more than a hash or two; and a pool may hold only a bounded amount of hashing work
/// (<see cref="PasswordOptions.MaxQueuedHashingSeconds"/>): beyond it a batch is refused whole with a 429.
/// </summary>
public sealed class PasswordHashingPool : IDisposable
{
    private readonly FairQueue<HashJob> _queue = new();
    private readonly Thread[] _threads;
    private readonly int _workFactor;
    private readonly double _maxQueuedSeconds;
    private readonly int _largestBatch;
    private readonly HashCost _cost;
    private readonly UserPoolMetrics _metrics;
    private readonly Func<string, int, string> _hash;
    private long _lastRefusal; // a Stopwatch timestamp; 0 until the first refusal

    public PasswordHashingPool(IOptions<PasswordOptions> options, IOptions<AccountsOptions> accounts, UserPoolMetrics metrics)
        : this(options, accounts, metrics, static (password, workFactor) => BCrypt.Net.BCrypt.HashPassword(password, workFactor))
    {
    }

    /// <param name="hash">Hashes one password at a work factor. Tests of the queue wrap BCrypt in a gate they open, so
    /// what is still queued when they look does not depend on how fast a loaded machine hashes.</param>
    internal PasswordHashingPool(
        IOptions<PasswordOptions> options, IOptions<AccountsOptions> accounts, UserPoolMetrics metrics, Func<string, int, string> hash)
    {
        _metrics = metrics;
        _hash = hash;
        metrics.ObserveHashingQueue(() => _queue.Queued);
        _workFactor = options.Value.BcryptWorkFactor;
        _maxQueuedSeconds = options.Value.MaxQueuedHashingSeconds;
        _largestBatch = accounts.Value.MaxBatchSize;
        _cost = HashCost.Measure(_workFactor);
        var count = options.Value.HashingThreads > 0 ? options.Value.HashingThreads : Environment.ProcessorCount;
        _threads = Enumerable.Range(0, count)
            .Select(i => new Thread(Work) { IsBackground = true, Name = $"password-hashing-{i}" })
            .ToArray();
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    public int WorkFactor => _workFactor;

    /// <summary>
    /// Hashes a pool's passwords, all admitted or none: when the pool would hold more than its bound this throws a
    /// 429 <see cref="ApiException"/> with Retry-After, synchronously, before anything is queued.
    /// A cancelled token takes the still-queued passwords out of the queue.
    /// </summary>
    public Task<string[]> HashAllAsync(string poolId, IReadOnlyList<string> passwords, CancellationToken ct)
    {
        var limit = LimitPerPool;
        if (!_queue.TryReserve(poolId, passwords.Count, limit))
        {
            Interlocked.Exchange(ref _lastRefusal, Stopwatch.GetTimestamp());
            _metrics.RateLimitRefused(Limiters.PasswordHashing);
            throw HashingMessages.Busy(RetryAfter(poolId, passwords.Count, limit));
        }

        // Only the batch's first job carries the time it was queued: the lane is first-in first-out, so that job starts
        // first, and the batch's wait is recorded once.
        var queuedAt = Stopwatch.GetTimestamp();
        return Task.WhenAll(passwords.Select((password, index) => Enqueue(poolId, password, index == 0 ? queuedAt : 0, ct)));
    }

    /// <summary>Hashes a pool may hold: its seconds of work at the measured cost, but never less than one largest batch.</summary>
    public int LimitPerPool => (int)Math.Max(_largestBatch, Math.Min(int.MaxValue, _maxQueuedSeconds / _cost.Seconds));

    /// <summary>What /health/ready reports.</summary>
    public HashingSaturation Saturation => new(
        _queue.Queued,
        _queue.QueuedPools,
        _queue.Queued * _cost.Seconds / _threads.Length,
        RefusedWithin(HashingSaturation.RecentRefusal));

    public double MaxQueuedSeconds => _maxQueuedSeconds;

    // "Never refused" needs its own test: the elapsed time since a sentinel such as long.MinValue overflows to a
    // negative span, which would read as "refused a moment ago" and report a fresh server as saturated.
    private bool RefusedWithin(TimeSpan span) =>
        Interlocked.Read(ref _lastRefusal) is var last and not 0 && Stopwatch.GetElapsedTime(last) < span;

    public void Dispose()
    {
        foreach (var job in _queue.Close())
        {
            job.Result.TrySetCanceled();
        }

        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }
    }

    private Task<string> Enqueue(string poolId, string password, long batchQueuedAt, CancellationToken ct)
    {
        var job = new HashJob(poolId, password, batchQueuedAt, ct);
        job.Handle = _queue.Enqueue(poolId, job);
        // A client that hangs up frees its place at once: the job leaves the queue and its unit is released.
        job.Registration = ct.Register(() =>
        {
            if (_queue.TryRemove(job.Handle))
            {
                _queue.Release(poolId, 1);
                job.Result.TrySetCanceled(ct);
            }
        });
        return job.Result.Task;
    }

    /// <summary>When the pool's backlog, served at its share of the threads, will have room for the batch.</summary>
    private TimeSpan RetryAfter(string poolId, int count, int limit)
    {
        var excess = Math.Max(1, _queue.Reserved(poolId) + count - limit);
        var share = (double)_threads.Length / Math.Max(1, _queue.QueuedPools);
        return TimeSpan.FromSeconds(excess * _cost.Seconds / share);
    }

    private void Work()
    {
        while (_queue.TryTake(out var job))
        {
            job.Registration.Dispose();
            string? hash = null;
            Exception? fault = null;
            if (!job.CancellationToken.IsCancellationRequested)
            {
                if (job.BatchQueuedAt != 0)
                {
                    _metrics.RecordHashingWait(Stopwatch.GetElapsedTime(job.BatchQueuedAt));
                }

                try
                {
                    var started = Stopwatch.GetTimestamp();
                    hash = _hash(job.Password, _workFactor);
                    _cost.Observe(Stopwatch.GetElapsedTime(started));
                }
                catch (Exception exception)
                {
                    fault = exception;
                }
            }

            // Released before the caller hears of it, so a caller that awaited its batch finds its room free.
            _queue.Release(job.PoolId, 1);
            if (hash is not null)
            {
                job.Result.TrySetResult(hash);
            }
            else if (fault is not null)
            {
                job.Result.TrySetException(fault);
            }
            else
            {
                job.Result.TrySetCanceled(job.CancellationToken);
            }
        }
    }

    /// <param name="BatchQueuedAt">When the batch was queued (a Stopwatch timestamp), on its first job only; else 0.</param>
    private sealed record HashJob(string PoolId, string Password, long BatchQueuedAt, CancellationToken CancellationToken)
    {
        // Continuations must not run on (and hold up) a hashing thread.
        public TaskCompletionSource<string> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public FairQueue<HashJob>.Handle Handle { get; set; } = null!;
        public CancellationTokenRegistration Registration { get; set; }
    }
}

/// <summary>The hashing backlog: queued hashes, pools waiting, seconds to drain it on every thread, a refusal lately.</summary>
public sealed record HashingSaturation(int Queued, int QueuedPools, double DrainSeconds, bool RefusedRecently)
{
    public static readonly TimeSpan RecentRefusal = TimeSpan.FromSeconds(10);
}
