using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using UserPool.Api.Security.Signing;
using UserPool.Api.Security.Tokens;

namespace UserPool.Api.Security;

/// <summary>
/// Authenticates /api/v3 requests by either scheme of the contract (§2): the Node SDK's HMAC-SHA1 request
/// signature (`authing &lt;ak&gt;:&lt;sig&gt;`), or a management token (`Bearer &lt;jwt&gt;` or the bare jwt)
/// with x-authing-userpool-id. Either way the caller's pool is established before the endpoint runs.
/// </summary>
public sealed class AuthingAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<SecurityOptions> security,
    AccessKeyStore keys,
    NonceStore nonces,
    ManagementTokenValidator tokens,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "Authing";
    private const string PoolIdHeader = "x-authing-userpool-id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string authorization = Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return Fail(AuthFailure.MissingCredentials);
        }

        var parsed = AuthingAuthorizationHeader.Parse(authorization);
        return parsed.Failure switch
        {
            AuthorizationHeaderFailure.None => await VerifySignatureAsync(parsed.Value!),
            AuthorizationHeaderFailure.NotAuthingScheme => await VerifyTokenAsync(authorization),
            _ => Fail(AuthFailure.InvalidSignature),
        };
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => AuthFailure.Of(Context).WriteAsync(Context);

    private async Task<AuthenticateResult> VerifySignatureAsync(AuthingAuthorization credentials)
    {
        if (Request.Headers["x-authing-signature-method"] is { Count: > 0 } method && method.ToString() != "HMAC-SHA1")
        {
            return Fail(AuthFailure.MethodMismatch);
        }

        if (Request.Headers["x-authing-signature-version"] is { Count: > 0 } version && version.ToString() != "1.0")
        {
            return Fail(AuthFailure.VersionMismatch);
        }

        var date = SignedDate.Check(Request.Headers.Date.ToString(), clock, security.Value.SignatureWindow);
        if (!date.IsFresh)
        {
            return Fail(AuthFailure.ForDate(date.ApiCode));
        }

        var nonce = Request.Headers["x-authing-signature-nonce"].ToString();
        if (nonce.Length is 0 or > 128)
        {
            return Fail(AuthFailure.MissingNonce);
        }

        var body = Request.Method == HttpMethods.Get ? ReadOnlyMemory<byte>.Empty : await RequestBody.BufferAsync(Request, Context.RequestAborted);
        var canonical = SignedRequestCanonicalizer.Canonicalize(
            Request.Method,
            Request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())),
            Request.Path.Value ?? "",
            Request.QueryString.Value,
            body);
        var key = await keys.FindAsync(credentials.AccessKeyId, Context.RequestAborted);
        // An unknown key costs the same HMAC as a known one and fails the same way.
        var secret = key?.SecretUtf8 ?? UnknownKeySecret;
        var genuine = canonical.Succeeded && AkSkSignature.Verify(secret, canonical.Value!, credentials.Signature);
        if (key is null || !genuine)
        {
            return Fail(AuthFailure.InvalidSignature);
        }

        if (!await nonces.TryUseAsync(key, nonce, Context.RequestAborted))
        {
            return Fail(AuthFailure.Replayed);
        }

        return Success(key.UserPoolId, key.AccessKeyId);
    }

    private async Task<AuthenticateResult> VerifyTokenAsync(string authorization)
    {
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : authorization.Trim();
        AccessKeyRecord? signingKey = null;
        var result = await tokens.ValidateAsync(
            token, async (kid, ct) => (signingKey = await keys.FindAsync(kid, ct))?.SecretUtf8, Context.RequestAborted);
        if (!result.Succeeded)
        {
            return Fail(result.Failure == ManagementTokenFailure.Expired ? AuthFailure.ExpiredToken : AuthFailure.InvalidToken);
        }

        // The token's signing key derives from the access key secret alone, so whoever holds a key can sign a token
        // naming any pool. The pool claim is believed only when it is the pool of the key that signed the token.
        if (signingKey is null
            || signingKey.AccessKeyId != result.AccessKeyId
            || !string.Equals(signingKey.UserPoolId, result.UserPoolId, StringComparison.Ordinal))
        {
            return Fail(AuthFailure.InvalidToken);
        }

        if (Request.Headers[PoolIdHeader].ToString() != signingKey.UserPoolId)
        {
            return Fail(AuthFailure.PoolMismatch);
        }

        return Success(signingKey.UserPoolId, signingKey.AccessKeyId);
    }

    private static readonly byte[] UnknownKeySecret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(24);

    private AuthenticateResult Success(string poolId, string accessKeyId) =>
        AuthenticateResult.Success(new AuthenticationTicket(PoolClaims.Principal(poolId, accessKeyId, SchemeName), SchemeName));

    private AuthenticateResult Fail(AuthFailure failure)
    {
        failure.AttachTo(Context);
        return AuthenticateResult.Fail(failure.Message);
    }
}
