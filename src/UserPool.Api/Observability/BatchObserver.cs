using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Observability;

/// <summary>
/// The one place a batch request is observed: when it ends, one Information log line (pool, operation, kind, items,
/// outcome, failing items, milliseconds) and the batch instruments, from the same figures. Item values (e-mails,
/// passwords) are never seen here. Create, update and delete batches all end here.
/// </summary>
public sealed class BatchObserver(UserPoolMetrics metrics, ILogger<BatchObserver> logger)
{
    /// <summary>Starts the clock of one batch; a struct, so observing allocates nothing.</summary>
    public ObservedBatch Start(string operation, AccountKind kind, string poolId, int items) =>
        new(this, operation, kind, poolId, items, Stopwatch.GetTimestamp());

    /// <summary>
    /// Runs one batch request and observes it whatever its end: written, replayed from an Idempotency-Key, a dry run,
    /// or refused (the exception is observed and passed on).
    /// </summary>
    public async Task<Results<Ok<TAnswer>, ContentHttpResult>> ObserveAsync<TAnswer>(
        string operation, AccountKind kind, HttpContext http, string poolId, int items, bool dryRun,
        Func<Task<Results<Ok<TAnswer>, ContentHttpResult>>> run)
    {
        var batch = Start(operation, kind, poolId, items);
        try
        {
            var result = await run();
            var replayed = result.Result is ContentHttpResult;
            batch.Succeeded(replayed ? BatchOutcomes.Replayed : dryRun ? BatchOutcomes.DryRun : BatchOutcomes.Success,
                written: replayed || dryRun ? 0 : items);
            return result;
        }
        catch (Exception exception)
        {
            batch.Failed(exception, http.RequestAborted);
            throw;
        }
    }

    internal void Finish(in ObservedBatch batch, string outcome, int failingItems, int written)
    {
        var elapsed = Stopwatch.GetElapsedTime(batch.StartedAt);
        metrics.RecordBatch(batch.Operation, batch.Kind, batch.PoolId, batch.Items, outcome, elapsed.TotalSeconds, written);
        BatchLog.Finished(logger, batch.Operation, UserPoolMetrics.KindName(batch.Kind), batch.PoolId, batch.Items, outcome,
            failingItems, Math.Round(elapsed.TotalMilliseconds, 1));
        // On the request's span too, when a trace is being recorded, so a slow span says what it carried.
        if (Activity.Current is { IsAllDataRequested: true } span)
        {
            span.SetTag("userpool.batch.items", batch.Items);
            span.SetTag("userpool.batch.outcome", outcome);
        }
    }

    /// <summary>What a failed batch is called: the answer's status decides, as the client saw it.</summary>
    public static string OutcomeOf(Exception exception, CancellationToken requestAborted) => exception switch
    {
        ApiException { StatusCode: 409 } => BatchOutcomes.Conflict,
        ApiException { StatusCode: 429 } => BatchOutcomes.Refused,
        ApiException { StatusCode: 503 } => BatchOutcomes.Unavailable,
        ApiException { StatusCode: < 500 } => BatchOutcomes.Invalid,
        OperationCanceledException when requestAborted.IsCancellationRequested => BatchOutcomes.Cancelled,
        _ when DatabaseFaults.IsUnavailable(exception) || DatabaseFaults.IsStatementTimeout(exception)
            || DatabaseFaults.IsLockConflict(exception) => BatchOutcomes.Unavailable,
        _ => BatchOutcomes.Error,
    };

    /// <summary>
    /// Items named by the answer's errors. An error without an index is about the item itself in a batch of one (a
    /// single create), and about the batch as a whole (its list or options) otherwise.
    /// </summary>
    public static int FailingItems(Exception exception, int items)
    {
        if (exception is not ApiException { Errors: { Count: > 0 } errors })
        {
            return 0;
        }

        var indexes = new HashSet<int>();
        foreach (var error in errors)
        {
            if (error.Index is { } index)
            {
                indexes.Add(index);
            }
            else if (items == 1)
            {
                indexes.Add(0);
            }
        }

        return indexes.Count;
    }
}

/// <summary>One batch being observed; call exactly one of <see cref="Succeeded"/> or <see cref="Failed"/>.</summary>
public readonly struct ObservedBatch
{
    private readonly BatchObserver _observer;

    internal ObservedBatch(BatchObserver observer, string operation, AccountKind kind, string poolId, int items, long startedAt)
    {
        _observer = observer;
        Operation = operation;
        Kind = kind;
        PoolId = poolId;
        Items = items;
        StartedAt = startedAt;
    }

    public string Operation { get; }
    public AccountKind Kind { get; }
    public string PoolId { get; }
    public int Items { get; }
    internal long StartedAt { get; }

    /// <summary>Answered 200: <paramref name="outcome"/> is success, dry_run or replayed; <paramref name="written"/> accounts changed.</summary>
    public void Succeeded(string outcome, int written) => _observer.Finish(this, outcome, 0, written);

    public void Failed(Exception exception, CancellationToken requestAborted) =>
        _observer.Finish(this, BatchObserver.OutcomeOf(exception, requestAborted), BatchObserver.FailingItems(exception, Items), 0);
}

/// <summary>The values of the <c>outcome</c> label and of the log line's outcome.</summary>
public static class BatchOutcomes
{
    public const string Success = "success";
    public const string DryRun = "dry_run";
    public const string Replayed = "replayed";
    public const string Invalid = "invalid";
    public const string Conflict = "conflict";
    public const string Refused = "refused";
    public const string Unavailable = "unavailable";
    public const string Cancelled = "cancelled";
    public const string Error = "error";
}

/// <summary>The values of the <c>operation</c> label.</summary>
public static class BatchOperations
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
}

internal static partial class BatchLog
{
    [LoggerMessage(LogLevel.Information,
        "Batch {Operation} of {Items} {Kind} items in pool {PoolId}: {Outcome}, {FailingItems} failing items, {ElapsedMs} ms")]
    public static partial void Finished(ILogger logger, string operation, string kind, string poolId, int items, string outcome,
        int failingItems, double elapsedMs);
}
