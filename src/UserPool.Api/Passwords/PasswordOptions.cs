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
}
