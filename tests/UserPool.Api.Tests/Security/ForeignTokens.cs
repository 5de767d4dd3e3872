using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UserPool.Api.Tests.Security;

/// <summary>Management tokens made outside the server, as a client or an attacker could make them.</summary>
public static class ForeignTokens
{
    /// <summary>
    /// The management-token signing key as anyone holding an access key secret can compute it: HKDF-SHA256 of the
    /// secret with a fixed label (Security/Tokens/ManagementTokenFormat.cs), rebuilt here from that public recipe.
    /// </summary>
    public static SymmetricSecurityKey KeyFor(string secret, string keyId) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: [],
            info: "UserPool management-token HS256 signing key v1"u8.ToArray())) { KeyId = keyId };

    public static string Mint(string secret, string keyId, string poolId) => Mint(KeyFor(secret, keyId), poolId);

    /// <summary>An HS256 token shaped like the server's: iss, iat, exp (an hour later unless told), jti, scoped_userpool_id.</summary>
    public static string Mint(SymmetricSecurityKey key, string poolId, DateTimeOffset? issuedAt = null, TimeSpan? lifetime = null)
    {
        var now = issuedAt ?? DateTimeOffset.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "userpool",
            IssuedAt = now.UtcDateTime,
            Expires = now.Add(lifetime ?? TimeSpan.FromHours(1)).UtcDateTime,
            Claims = new Dictionary<string, object> { ["jti"] = Guid.NewGuid().ToString("N"), ["scoped_userpool_id"] = poolId },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
