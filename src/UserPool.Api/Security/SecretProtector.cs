using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace UserPool.Api.Security;

/// <summary>
/// Encrypts secrets at rest (access-key secrets, imported OTP secrets, provider tokens, generated
/// passwords waiting in the outbox) with ASP.NET Core Data Protection, whose key ring lives in the database.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("UserPool.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>A new access-key secret: 192 random bits as lowercase hex.</summary>
    public static string NewAccessKeySecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
