using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace UserPool.Api.Data;

/// <summary>
/// Runs a read in its pool's turn (<see cref="PoolReadLimiter"/>) inside a transaction whose statement_timeout is
/// <see cref="DatabaseOptions.ReadStatementTimeoutMilliseconds"/>. SET LOCAL (set_config(…, true)) ends with the
/// transaction, so the setting never leaks to the next user of the connection, also behind a transaction-mode pooler;
/// a timed-out read rolls back and leaves the connection clean. The central handler answers the timeout (503).
/// </summary>
public sealed class ReadTransaction(UserPoolDbContext db, PoolReadLimiter limiter, IOptions<DatabaseOptions> options)
{
    public async Task<T> RunAsync<T>(string poolId, Func<Task<T>> read, CancellationToken ct)
    {
        using var turn = await limiter.EnterAsync(poolId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var timeout = options.Value.ReadStatementTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlAsync($"SELECT set_config('statement_timeout', {timeout}, true)", ct);
        var result = await read();
        await transaction.CommitAsync(ct);
        return result;
    }
}
