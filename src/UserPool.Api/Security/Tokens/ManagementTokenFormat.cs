using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UserPool.Api.Security.Tokens;

/// <summary>What issuer and validator must agree on for management tokens (docs/contract.md §2b).</summary>
internal static class ManagementTokenFormat
{
    public const string Issuer = "userpool";
    public const string ScopedUserPoolIdClaim = "scoped_userpool_id";
    public const string Algorithm = SecurityAlgorithms.HmacSha256;

    // Domain separation: the per-access-key secret is never itself the JWT key, and this key is useless elsewhere.
    private static ReadOnlySpan<byte> KeyDerivationInfo => "UserPool management-token HS256 signing key v1"u8;

    private const int SigningKeyLength = 32;

    // Thread-safe; default times off so the payload carries exactly the claims we set (no nbf).
    public static JsonWebTokenHandler Handler { get; } = new() { SetDefaultTimesOnTokenCreation = false };

    public static SymmetricSecurityKey DeriveSigningKey(ReadOnlySpan<byte> accessKeySecret, string accessKeyId)
    {
        if (accessKeySecret.IsEmpty)
        {
            throw new ArgumentException("The access key secret must not be empty.", nameof(accessKeySecret));
        }

        var key = new byte[SigningKeyLength];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, accessKeySecret, key, salt: [], KeyDerivationInfo);
        return new SymmetricSecurityKey(key) { KeyId = accessKeyId };
    }
}
