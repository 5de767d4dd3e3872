using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Observability;

/// <summary>
/// The server's own instruments on the meter "UserPool" (README, "Metrics and traces"); the notifications feature adds
/// its own to the same meter (<see cref="Notifications.NotificationMetrics"/>, <see cref="Notifications.OutboxGauge"/>). Every label takes one of
/// a fixed set of values, so the number of time series does not grow with pools or accounts; the pool id is a label
/// only when <see cref="TelemetryOptions.PoolIdLabel"/> asks for it. Recording is a few additions per batch and
/// allocates nothing: labels are passed as up to three key-value pairs, which the runtime keeps on the stack.
/// </summary>
public sealed class UserPoolMetrics
{
    public const string MeterName = "UserPool";

    private readonly bool _poolIdLabel;
    private readonly Counter<long> _accountsCreated;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _batchDuration;
    private readonly Histogram<double> _hashingWait;
    private readonly Counter<long> _authenticationFailures;
    private readonly Counter<long> _rateLimitRefusals;
    private Func<int> _hashingQueued = () => 0;

    public UserPoolMetrics(IMeterFactory meters, IOptions<TelemetryOptions> options)
    {
        _poolIdLabel = options.Value.PoolIdLabel;
        var meter = meters.Create(MeterName);
        _accountsCreated = meter.CreateCounter<long>(MetricNames.AccountsCreated, "{account}",
            "Accounts written by create batches (dry runs and replays write none)");
        _batchSize = meter.CreateHistogram(MetricNames.BatchSize, "{item}", "Items per batch request",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100] });
        _batchDuration = meter.CreateHistogram(MetricNames.BatchDuration, "s", "Time to answer a batch request, by outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _hashingWait = meter.CreateHistogram(MetricNames.HashingWait, "s",
            "Time a batch's passwords waited for a hashing thread: from queueing until its first password started",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        meter.CreateObservableGauge(MetricNames.HashingQueued, () => _hashingQueued(), "{password}",
            "Passwords waiting for a hashing thread, all pools together");
        _authenticationFailures = meter.CreateCounter<long>(MetricNames.AuthenticationFailures, "{request}",
            "Requests refused because their credentials did not authenticate, by reason");
        _rateLimitRefusals = meter.CreateCounter<long>(MetricNames.RateLimitRefusals, "{request}",
            "Requests refused with 429, by the limiter that refused them");
    }

    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>One finished batch: its size, its time by outcome, and what it created. Called once per batch.</summary>
    public void RecordBatch(string operation, AccountKind kind, string poolId, int items, string outcome, double seconds, int created)
    {
        var operationTag = new KeyValuePair<string, object?>(MetricNames.OperationLabel, operation);
        var kindTag = new KeyValuePair<string, object?>(MetricNames.KindLabel, KindName(kind));
        var outcomeTag = new KeyValuePair<string, object?>(MetricNames.OutcomeLabel, outcome);
        if (_poolIdLabel)
        {
            var pool = new KeyValuePair<string, object?>(MetricNames.PoolIdLabel, poolId);
            _batchSize.Record(items, operationTag, kindTag, pool);
            _batchDuration.Record(seconds, new TagList { operationTag, kindTag, outcomeTag, pool });
            if (created > 0)
            {
                _accountsCreated.Add(created, kindTag, pool);
            }

            return;
        }

        _batchSize.Record(items, operationTag, kindTag);
        _batchDuration.Record(seconds, operationTag, kindTag, outcomeTag);
        if (created > 0)
        {
            _accountsCreated.Add(created, kindTag);
        }
    }

    /// <summary>The hashing pool says how to read its queue; until it exists the queue is empty.</summary>
    public void ObserveHashingQueue(Func<int> queued) => _hashingQueued = queued;

    public void RecordHashingWait(TimeSpan wait) => _hashingWait.Record(wait.TotalSeconds);

    public void AuthenticationFailed(string reason) =>
        _authenticationFailures.Add(1, new KeyValuePair<string, object?>(MetricNames.ReasonLabel, reason));

    public void RateLimitRefused(string limiter) =>
        _rateLimitRefusals.Add(1, new KeyValuePair<string, object?>(MetricNames.LimiterLabel, limiter));

    public static string KindName(AccountKind kind) => kind == AccountKind.PublicAccount ? "public_account" : "user";
}
