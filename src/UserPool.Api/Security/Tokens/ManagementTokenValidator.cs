using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UserPool.Api.Security.Tokens;

public enum ManagementTokenFailure
{
    None = 0,
    /// <summary>Malformed, unknown key, bad signature, wrong algorithm or issuer, or missing claims.</summary>
    Invalid,
    /// <summary>Authentic but past <c>exp</c> (beyond the clock skew): the SDK should fetch a new token.</summary>
    Expired,
}

public sealed record ManagementTokenValidation(ManagementTokenFailure Failure, string? UserPoolId, string? AccessKeyId)
{
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(UserPoolId), nameof(AccessKeyId))]
    public bool Succeeded => Failure == ManagementTokenFailure.None;

    internal static ManagementTokenValidation Fail(ManagementTokenFailure failure) => new(failure, null, null);
}

/// <summary>Looks up the per-access-key secret a token's <c>kid</c> names; null when the key is unknown or disabled.</summary>
public delegate ValueTask<byte[]?> AccessKeySecretLookup(string accessKeyId, CancellationToken cancellationToken);

/// <summary>
/// Validates tokens from <see cref="ManagementTokenIssuer"/>: HS256 signature, issuer, then lifetime. The signing key
/// derives from the access key secret alone, so a key holder can sign any claims: callers must check that
/// <c>scoped_userpool_id</c> is the pool of the key named by <c>kid</c> (AuthingAuthenticationHandler does).
/// </summary>
public sealed class ManagementTokenValidator(TimeProvider clock)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    public async Task<ManagementTokenValidation> ValidateAsync(
        string? token, AccessKeySecretLookup secretLookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secretLookup);

        var unverified = TryRead(token);
        if (unverified is null || string.IsNullOrEmpty(unverified.Kid) || unverified.Alg != ManagementTokenFormat.Algorithm)
        {
            return ManagementTokenValidation.Fail(ManagementTokenFailure.Invalid);
        }

        var secret = await secretLookup(unverified.Kid, cancellationToken);
        if (secret is null || secret.Length == 0)
        {
            return ManagementTokenValidation.Fail(ManagementTokenFailure.Invalid);
        }

        // Lifetime is checked below against our TimeProvider, and only once the signature has proven the token genuine,
        // so "expired" is never reported for a forgery.
        var result = await ManagementTokenFormat.Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = ManagementTokenFormat.DeriveSigningKey(secret, unverified.Kid),
            ValidAlgorithms = [ManagementTokenFormat.Algorithm],
            RequireSignedTokens = true,
            ValidIssuer = ManagementTokenFormat.Issuer,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken verified)
        {
            return ManagementTokenValidation.Fail(ManagementTokenFailure.Invalid);
        }

        return CheckLifetimeAndClaims(verified);
    }

    private ManagementTokenValidation CheckLifetimeAndClaims(JsonWebToken token)
    {
        var now = _clock.GetUtcNow();
        if (!token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var exp)
            || !token.TryGetPayloadValue<string>(ManagementTokenFormat.ScopedUserPoolIdClaim, out var userPoolId)
            || string.IsNullOrEmpty(userPoolId))
        {
            return ManagementTokenValidation.Fail(ManagementTokenFailure.Invalid);
        }

        if (token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var iat)
            && DateTimeOffset.FromUnixTimeSeconds(iat) > now + ClockSkew)
        {
            return ManagementTokenValidation.Fail(ManagementTokenFailure.Invalid);
        }

        return DateTimeOffset.FromUnixTimeSeconds(exp) + ClockSkew < now
            ? ManagementTokenValidation.Fail(ManagementTokenFailure.Expired)
            : new ManagementTokenValidation(ManagementTokenFailure.None, userPoolId, token.Kid);
    }

    private static JsonWebToken? TryRead(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || !ManagementTokenFormat.Handler.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return ManagementTokenFormat.Handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            // SecurityTokenMalformedException derives from ArgumentException.
            return null;
        }
    }
}
