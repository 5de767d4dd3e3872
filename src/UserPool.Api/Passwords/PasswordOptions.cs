using System.ComponentModel.DataAnnotations;

namespace UserPool.Api.Passwords;

/// <summary>Settings of password handling (section "Passwords").</summary>
public sealed class PasswordOptions
{
    public const string Section = "Passwords";

    /// <summary>BCrypt cost; every step doubles the time of one hash. Tests lower it by configuration.</summary>
    [Range(4, 31)]
    public int BcryptWorkFactor { get; set; } = 10;

    /// <summary>Threads dedicated to hashing; 0 means one per core.</summary>
    [Range(0, 256)]
    public int HashingThreads { get; set; }

    /// <summary>
    /// Hashing one pool may have waiting or running, in seconds of one thread's work at the measured cost of a hash;
    /// never less than one batch of Accounts:MaxBatchSize passwords. Beyond it a batch is refused with a 429.
    /// </summary>
    [Range(0.0, 3600.0)]
    public double MaxQueuedHashingSeconds { get; set; } = 10;
}
