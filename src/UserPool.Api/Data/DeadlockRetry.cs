using Microsoft.Extensions.Options;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Data;

/// <summary>
/// Runs a write transaction again when PostgreSQL chose it as a deadlock victim. Batches that share unique keys
/// in different orders can each hold a key the other inserts next; no single lock order exists across the
/// accounts' several unique indexes, and advisory locks would only hold per node on a sharded database, so the
/// victim simply runs again: by then the other transaction has ended, and the retry either succeeds or runs into
/// the committed key, which the caller's conflict check names. The transaction must be whole (begin to commit)
/// and must not have side effects outside the database, since its earlier attempts were rolled back.
/// </summary>
public sealed class DeadlockRetry(IOptions<DatabaseOptions> options, ILogger<DeadlockRetry> logger)
{
    public async Task RunAsync(Func<Task> transaction, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await transaction();
                return;
            }
            catch (Exception conflict) when (DatabaseFaults.IsLockConflict(conflict) && attempt <= options.Value.DeadlockRetries)
            {
                // A jittered pause that doubles per attempt, so victims of one cycle do not meet again in step and a
                // crowd of writers (eight clients on a loaded machine) thins out: 10–40 ms, then 20–80 ms, …
                var pause = TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40) * (1 << Math.Min(attempt - 1, 6)));
                // The state and text only: the error's detail may one day carry row values.
                var reason = conflict.GetBaseException() is Npgsql.PostgresException pg ? $"{pg.SqlState} {pg.MessageText}" : conflict.GetType().Name;
                logger.LogInformation("Deadlock victim, running the transaction again in {PauseMs} ms (retry {Attempt} of {Retries}): {Reason}",
                    (int)pause.TotalMilliseconds, attempt, options.Value.DeadlockRetries, reason);
                await Task.Delay(pause, ct);
            }
        }
    }
}
