using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using UserPool.Api.Infrastructure;
using UserPool.Api.Observability;
using UserPool.Api.Security.Tokens;

namespace UserPool.Api.Security;

/// <summary>GetManagementAccessTokenDto.</summary>
public sealed record GetManagementTokenRequest(string? AccessKeyId, string? AccessKeySecret);

/// <summary>AccessTokenResDto: snake_case as the Python, Go and Java SDKs read it.</summary>
public sealed record ManagementToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>What get-management-token needs besides the request.</summary>
public sealed record ManagementTokenServices(
    AccessKeyStore Keys, ManagementTokenIssuer Issuer, FailedAuthentications Failures, AccessKeyUsage Usage, IOptions<SecurityOptions> Options,
    UserPoolMetrics Metrics);

public static class ManagementTokenEndpoints
{
    public static RouteGroupBuilder MapManagementToken(this RouteGroupBuilder api)
    {
        api.MapPost("/get-management-token", GetManagementToken)
            .AllowAnonymous()
            .WithName("getManagementToken")
            .WithTags("Authentication")
            .WithSummary("Get a management token")
            .WithDescription("Exchanges an access key for a management token (a JWT with scoped_userpool_id) that the " +
                "Python, Go and Java SDKs send as `Authorization: Bearer <token>` with `x-authing-userpool-id`. " +
                "In Swagger UI: call this, then Authorize with the token and the pool id.");
        return api;
    }

    private static async Task<Results<Ok<Envelope<ManagementToken>>, ThrottledResult>> GetManagementToken(
        GetManagementTokenRequest? request, [AsParameters] ManagementTokenServices services, HttpContext http, CancellationToken ct)
    {
        var address = ClientAddress.Of(http);
        var keyId = AccessKeyStore.IsPlausibleId(request?.AccessKeyId) ? request!.AccessKeyId : null;
        if (services.Failures.MustWait(address, keyId) is { } wait)
        {
            return new ThrottledResult(wait);
        }

        var key = keyId is null ? null : await services.Keys.FindAsync(keyId, ct);
        var presented = Encoding.UTF8.GetBytes(request?.AccessKeySecret ?? "");
        // Compare digests so the comparison takes the same time whatever the lengths, and unknown keys cost the same.
        var expected = SHA256.HashData(key?.SecretUtf8 ?? RandomNumberGenerator.GetBytes(24));
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(presented), expected) || key is null)
        {
            services.Failures.Record(address, keyId, key?.AccessKeyId, "wrong accessKeySecret or unknown accessKeyId");
            services.Metrics.AuthenticationFailed(AuthFailure.InvalidAccessKeyReason);
            throw ApiException.Unauthorized("Invalid accessKeyId or accessKeySecret");
        }

        await services.Usage.RecordAsync(key, ct);
        var lifetime = TimeSpan.FromSeconds(services.Options.Value.ManagementTokenLifetimeSeconds);
        var token = services.Issuer.Issue(key.UserPoolId, key.AccessKeyId, key.SecretUtf8, lifetime);
        return TypedResults.Ok(Envelope.Success(new ManagementToken(token.AccessToken, token.ExpiresInSeconds)));
    }
}
