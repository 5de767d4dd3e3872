using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace UserPool.Api.Passwords;

/// <summary>
/// BCrypt hashing on dedicated threads, one per core by default. Hashing is pure CPU work of tens of
/// milliseconds per password; on the shared thread pool a large batch would starve request handling,
/// while a fixed set of threads keeps every core busy and bounds the work of all concurrent batches together.
/// </summary>
public sealed class PasswordHashingPool : IDisposable
{
    private readonly BlockingCollection<HashJob> _queue = new();
    private readonly Thread[] _threads;
    private readonly int _workFactor;

    public PasswordHashingPool(IOptions<PasswordOptions> options)
    {
        _workFactor = options.Value.BcryptWorkFactor;
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

    public Task<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        var job = new HashJob(password, cancellationToken);
        _queue.Add(job, cancellationToken);
        return job.Result.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }

        _queue.Dispose();
    }

    private void Work()
    {
        foreach (var job in _queue.GetConsumingEnumerable())
        {
            if (job.CancellationToken.IsCancellationRequested)
            {
                job.Result.TrySetCanceled(job.CancellationToken);
                continue;
            }

            try
            {
                job.Result.TrySetResult(BCrypt.Net.BCrypt.HashPassword(job.Password, _workFactor));
            }
            catch (Exception exception)
            {
                job.Result.TrySetException(exception);
            }
        }
    }

    private sealed record HashJob(string Password, CancellationToken CancellationToken)
    {
        // Continuations must not run on (and hold up) a hashing thread.
        public TaskCompletionSource<string> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
