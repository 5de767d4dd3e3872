using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace UserPool.Api.Infrastructure;

/// <summary>
/// Handlers check uniqueness before saving, but a concurrent request can still win the race; the unique
/// index then refuses the insert and the handler answers 409 for the index named here instead of a 500.
/// </summary>
public static class UniqueViolations
{
    /// <summary>The unique index a failed save ran into, or null when it failed for another reason.</summary>
    public static string? IndexOf(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } violation
            ? violation.ConstraintName
            : null;
}
