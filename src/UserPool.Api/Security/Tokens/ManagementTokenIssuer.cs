using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace UserPool.Api.Security.Tokens;

public sealed record IssuedManagementToken(string AccessToken, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string TokenId)
{
    /// <summary>The <c>expires_in</c> the token endpoint returns; an integer because Go and Java decode it as one.</summary>
    public int ExpiresInSeconds => (int)(ExpiresAt - IssuedAt).TotalSeconds;
}

/// <summary>
/// Issues the management token the Python, Go and Java SDKs fetch from <c>get-management-token</c>: an HS256 JWT
/// with <c>kid</c> = access key id and claims <c>iss</c>, <c>exp</c>, <c>iat</c>, <c>jti</c>, <c>scoped_userpool_id</c>.
/// </summary>
public sealed class ManagementTokenIssuer(TimeProvider clock)
{
    /// <summary>Re-roll bound; only a pool id full of characters such as <c>?</c> or <c>~</c> can exhaust it.</summary>
    public const int MaxAttempts = 64;

    // No '?', '~' or non-ASCII: those are the only characters whose UTF-8 bytes can base64url-encode to '-' or '_'.
    private const string TokenIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int MinTokenIdLength = 22;
    private const int MaxTokenIdLength = 27;

    private readonly TimeProvider _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <exception cref="InvalidOperationException">No clean payload within <see cref="MaxAttempts"/>.</exception>
    public IssuedManagementToken Issue(string userPoolId, string accessKeyId, ReadOnlySpan<byte> accessKeySecret, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(userPoolId);
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.FromSeconds(1));

        // JWT times are whole seconds; truncating keeps ExpiresAt equal to what the token says.
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(_clock.GetUtcNow().ToUnixTimeSeconds());
        var expiresAt = issuedAt.AddSeconds(Math.Floor(lifetime.TotalSeconds));
        var credentials = new SigningCredentials(
            ManagementTokenFormat.DeriveSigningKey(accessKeySecret, accessKeyId), ManagementTokenFormat.Algorithm);

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var tokenId = RandomTokenId();
            var token = ManagementTokenFormat.Handler.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = ManagementTokenFormat.Issuer,
                IssuedAt = issuedAt.UtcDateTime,
                Expires = expiresAt.UtcDateTime,
                // jti goes before the pool id so that its random length shifts the pool id's base64 alignment.
                Claims = new Dictionary<string, object>
                {
                    ["jti"] = tokenId,
                    [ManagementTokenFormat.ScopedUserPoolIdClaim] = userPoolId,
                },
                SigningCredentials = credentials,
            });

            if (PayloadIsStandardBase64Clean(token))
            {
                return new IssuedManagementToken(token, issuedAt, expiresAt, tokenId);
            }
        }

        throw new InvalidOperationException(
            $"Could not issue a management token whose payload has no '-' or '_' in {MaxAttempts} attempts; check the pool id's characters.");
    }

    /// <summary>
    /// The Python SDK decodes the payload with standard base64, which drops '-' and '_' and then fails.
    /// Without them, standard and base64url decoding agree, so every SDK reads the same claims.
    /// </summary>
    internal static bool PayloadIsStandardBase64Clean(string token)
    {
        var payload = token.Split('.')[1];
        return payload.AsSpan().IndexOfAny('-', '_') < 0;
    }

    // A random length varies which of the three base64 byte positions every later payload byte falls on.
    private static string RandomTokenId() =>
        RandomNumberGenerator.GetString(TokenIdAlphabet, RandomNumberGenerator.GetInt32(MinTokenIdLength, MaxTokenIdLength + 1));
}
