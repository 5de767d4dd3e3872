using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace UserPool.Api.Security.KeyRing;

/// <summary>
/// Encrypts the stored key ring with a certificate when one is configured (ASP.NET Core's
/// ProtectKeysWithCertificate, which also registers it for decryption), and says at start-up which protection
/// is in force. The certificate is loaded here, at start, so a wrong path, password or thumbprint stops the
/// server with a clear message instead of failing the first request that needs a key.
/// </summary>
public static class KeyRingProtection
{
    public static IDataProtectionBuilder ProtectKeysAsConfigured(this IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        var settings = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var certificate = Load(settings);
        if (certificate is not null)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        dataProtection.Services.AddSingleton(new KeyRingProtectionReport.Description(Describe(settings, certificate)));
        dataProtection.Services.AddHostedService<KeyRingProtectionReport>();
        return dataProtection;
    }

    private static X509Certificate2? Load(KeyRingOptions settings)
    {
        var fromFile = !string.IsNullOrWhiteSpace(settings.CertificatePath);
        var fromStore = !string.IsNullOrWhiteSpace(settings.CertificateThumbprint);
        if (fromFile && fromStore)
        {
            throw new InvalidOperationException("Set DataProtection:CertificatePath or DataProtection:CertificateThumbprint, not both.");
        }

        var certificate = fromFile ? FromFile(settings.CertificatePath!, settings.CertificatePassword)
            : fromStore ? FromStore(settings.CertificateThumbprint!)
            : null;
        if (certificate is { HasPrivateKey: false })
        {
            throw new InvalidOperationException(
                $"The Data Protection certificate {certificate.Subject} has no private key; without it the key ring cannot be read back.");
        }

        return certificate;
    }

    private static X509Certificate2 FromFile(string path, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password);
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // The loader's message never contains the password.
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath {path} cannot be read as a PKCS#12 certificate with DataProtection:CertificatePassword: {error.Message}", error);
        }
    }

    private static X509Certificate2 FromStore(string thumbprint)
    {
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Replace(" ", ""), validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }

        throw new InvalidOperationException(
            $"DataProtection:CertificateThumbprint {thumbprint} is in neither the CurrentUser nor the LocalMachine \"My\" certificate store.");
    }

    private static string Describe(KeyRingOptions settings, X509Certificate2? certificate) => certificate is null
        ? "stored UNENCRYPTED in the database table data_protection_keys: whoever can read that table can decrypt the stored " +
          "secrets (set DataProtection:CertificatePath or DataProtection:CertificateThumbprint to encrypt new keys)"
        : $"new keys are encrypted with the certificate {certificate.Subject} (thumbprint {certificate.Thumbprint}, " +
          $"valid until {certificate.NotAfter:yyyy-MM-dd}) from " +
          (string.IsNullOrWhiteSpace(settings.CertificatePath) ? "the certificate store" : $"the file {settings.CertificatePath}") +
          "; keys written before stay readable, unencrypted, until they expire";
}
