using System.ComponentModel.DataAnnotations;

namespace UserPool.Api.Data;

/// <summary>Settings of the database (section "Database"); the connection string is ConnectionStrings:UserPool.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "UserPool";

    /// <summary>Apply pending migrations at start-up; turn off when a deployment step migrates instead.</summary>
    public bool ApplyMigrationsOnStartup { get; set; } = true;

    /// <summary>Where `dotnet run` keeps its private PostgreSQL cluster when no connection string is set.</summary>
    public string LocalDataDirectory { get; set; } = ".data/postgres";

    /// <summary>
    /// How many times a write transaction PostgreSQL aborted to break a deadlock is run again before its request
    /// is answered from what the database then holds (see docs/reliability.md).
    /// </summary>
    [Range(0, 10)]
    public int DeadlockRetries { get; set; } = 5;

    /// <summary>
    /// Connections this replica may open (Npgsql's Maximum Pool Size, unless the connection string sets it).
    /// Size it as (max_connections − superuser_reserved_connections − room for tools) ÷ replicas: PostgreSQL's
    /// default 100 leaves 97, and 20 each lets four replicas run with 17 to spare for psql, migrations and the CLI.
    /// </summary>
    [Range(1, 1000)]
    public int MaxPoolSize { get; set; } = 20;

    /// <summary>
    /// Statements each connection keeps prepared once used five times (Npgsql's Max Auto Prepare, unless the connection
    /// string sets it): PostgreSQL then skips parsing and planning what every batch repeats (its lookups, the rows that
    /// follow its accounts). At 50 users a batch it took a third of PostgreSQL's CPU per user off the server's path
    /// (docs/benchmarks.md). 0 turns it off, as a PgBouncer in transaction mode older than 1.21 needs.
    /// </summary>
    [Range(0, 1000)]
    public int MaxAutoPrepare { get; set; } = 64;

    /// <summary>How long a request waits to connect, a free pooled connection included (Npgsql's Timeout, unless set); then 503.</summary>
    [Range(1, 300)]
    public int ConnectionWaitSeconds { get; set; } = 5;

    /// <summary>statement_timeout of account reads (SET LOCAL in their transaction); a slower read is answered 503.</summary>
    [Range(1, 3_600_000)]
    public int ReadStatementTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>
    /// Account reads of one pool running at once, so one pool's searches can hold neither every connection nor every
    /// core of PostgreSQL (two keep a noisy pool to two backends; a simple read takes milliseconds, so one pool still
    /// reads hundreds of times a second).
    /// </summary>
    [Range(1, 1000)]
    public int ReadConcurrencyPerPool { get; set; } = 2;

    /// <summary>Reads of one pool that may wait for a turn; beyond it, or after <see cref="ReadQueueWaitMilliseconds"/>, 429.</summary>
    [Range(0, 10_000)]
    public int ReadQueuePerPool { get; set; } = 64;

    [Range(0, 60_000)]
    public int ReadQueueWaitMilliseconds { get; set; } = 2000;
}
