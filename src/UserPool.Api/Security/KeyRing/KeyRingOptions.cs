namespace UserPool.Api.Security.KeyRing;

/// <summary>
/// How the Data Protection key ring (the keys that encrypt secrets at rest) is itself protected in the database
/// (section "DataProtection"). Set a certificate from a file or from the certificate store, not both; with
/// neither, the keys are stored unencrypted.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The thumbprint of a certificate with its private key in the CurrentUser or LocalMachine "My" store.</summary>
    public string? CertificateThumbprint { get; set; }
}
