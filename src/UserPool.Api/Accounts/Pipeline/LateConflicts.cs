using Npgsql;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// A write the database refused after the checks (a stored key a write that went first did not look for, a key a
/// concurrent request took, a reference removed, or a deadlock that outlasted its retries), answered the way the checks answer: they run again and name every
/// failure with its holder. Keys change hands while accounts are created and updated, so the holder of a refused key
/// may have moved it on again before the checks look: then the key is free and the write is tried again, rather than
/// answered with a conflict that names nobody. Shared by create and update, which differ only in what they write and
/// how they check.
/// </summary>
public static class LateConflicts
{
    /// <summary>Writes before a refusal whose holder cannot be found is answered from the constraint alone.</summary>
    public const int MaxWriteAttempts = 3;

    public static Task WriteAsync(Func<Task> write, Func<BatchErrors, Task> check, bool singleItem) =>
        WriteAsync(async () =>
        {
            await write();
            return true;
        }, check, singleItem);

    public static async Task<T> WriteAsync<T>(Func<Task<T>> write, Func<BatchErrors, Task> check, bool singleItem)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (PostgresException race) when (race.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation
                || DatabaseFaults.IsLockConflict(race))
            {
                var late = new BatchErrors(singleItem);
                await check(late);
                if (late.Any)
                {
                    throw late.ToException();
                }

                if (DatabaseFaults.IsLockConflict(race))
                {
                    // A deadlock that outlasted DeadlockRetry with no holder to name: a transient fault (503, please retry).
                    throw;
                }

                // A key freed again since the refusal can be written now; a reference removed after the checks cannot.
                if (race.SqlState != PostgresErrorCodes.UniqueViolation || attempt == MaxWriteAttempts)
                {
                    throw DatabaseConflicts.ToAnswer(race, DatabaseConflicts.AccountsBatch("list", 2026));
                }
            }
        }
    }
}
