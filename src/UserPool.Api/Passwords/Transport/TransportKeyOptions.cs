using System.ComponentModel.DataAnnotations;

namespace UserPool.Api.Passwords.Transport;

/// <summary>Settings of the password transport keys (section "TransportKeys").</summary>
public sealed class TransportKeyOptions
{
    public const string Section = "TransportKeys";

    /// <summary>RSA modulus size; Authing publishes 1024-bit keys, and clients size their buffers for it.</summary>
    [Range(1024, 4096)]
    public int RsaKeySize { get; set; } = 1024;

    /// <summary>How long a rotated-out key keeps decrypting (clients may hold the old public key).</summary>
    [Range(0, 24 * 365)]
    public int RotationGraceHours { get; set; } = 24;

    /// <summary>How often an instance re-reads the keys, so a rotation anywhere reaches every instance.</summary>
    [Range(5, 3600)]
    public int RefreshSeconds { get; set; } = 60;
}
