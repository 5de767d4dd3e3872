using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using UserPool.Api.Infrastructure;
using UserPool.Api.Security.Tokens;

namespace UserPool.Api.Security;

/// <summary>GetManagementAccessTokenDto.</summary>
public sealed record GetManagementTokenRequest(string? AccessKeyId, string? AccessKeySecret);

/// <summary>AccessTokenResDto: snake_case as the Python, Go and Java SDKs read it.</summary>
public sealed record ManagementToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

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

    private static async Task<Ok<Envelope<ManagementToken>>> GetManagementToken(
        GetManagementTokenRequest? request, AccessKeyStore keys, ManagementTokenIssuer issuer,
        IOptions<SecurityOptions> options, CancellationToken ct)
    {
        var key = string.IsNullOrEmpty(request?.AccessKeyId) ? null : await keys.FindAsync(request.AccessKeyId, ct);
        var presented = Encoding.UTF8.GetBytes(request?.AccessKeySecret ?? "");
        // Compare digests so the comparison takes the same time whatever the lengths, and unknown keys cost the same.
        var expected = SHA256.HashData(key?.SecretUtf8 ?? RandomNumberGenerator.GetBytes(24));
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(presented), expected) || key is null)
        {
            throw ApiException.Unauthorized("Invalid accessKeyId or accessKeySecret");
        }

        var token = issuer.Issue(key.UserPoolId, key.AccessKeyId, key.SecretUtf8, TimeSpan.FromSeconds(options.Value.ManagementTokenLifetimeSeconds));
        return TypedResults.Ok(Envelope.Success(new ManagementToken(token.AccessToken, token.ExpiresInSeconds)));
    }
}
