using System.ComponentModel.DataAnnotations;

namespace UserPool.Api.Accounts.Idempotency;

/// <summary>Settings of Idempotency-Key handling (section "Idempotency").</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long an answer is kept for retries with the same key.</summary>
    [Range(1, 24 * 30)]
    public int RetentionHours { get; set; } = 24;
}
