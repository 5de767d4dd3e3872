using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using UserPool.Api.Infrastructure;
using UserPool.Api.Observability;
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
    FailedAuthentications failures,
    AccessKeyUsage usage,
    UserPoolMetrics metrics,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "Authing";
    private const string PoolIdHeader = "x-authing-userpool-id";

    private string _clientAddress = "";
    private string? _accessKeyId;
    private string? _knownKeyId;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Being the only scheme, this runs for every request: health probes and Swagger UI have nothing to check
        // and nothing to log. Without credentials the challenge answers AuthFailure.MissingCredentials.
        string authorization = Request.Headers.Authorization.ToString();
        if (!Request.Path.StartsWithSegments(ApiStatusPages.ApiPrefix) || string.IsNullOrWhiteSpace(authorization))
        {
            return AuthenticateResult.NoResult();
        }

        var parsed = AuthingAuthorizationHeader.Parse(authorization);
        _clientAddress = ClientAddress.Of(Context);
        _accessKeyId = parsed.Failure == AuthorizationHeaderFailure.None && AccessKeyStore.IsPlausibleId(parsed.Value!.AccessKeyId)
            ? parsed.Value.AccessKeyId
            : null;
        // Before the body is read, a key looked up or a nonce stored: a client that keeps failing costs nothing more.
        if (failures.MustWait(_clientAddress, _accessKeyId) is { } wait)
        {
            return Fail(AuthFailure.Throttled(wait));
        }

        return parsed.Failure switch
        {
            AuthorizationHeaderFailure.None => await VerifySignatureAsync(parsed.Value!),
            AuthorizationHeaderFailure.NotAuthingScheme => await VerifyTokenAsync(authorization),
            _ => Fail(AuthFailure.InvalidSignature),
        };
    }

    /// <summary>Every refused request passes here once, whichever check refused it: the one place failures are counted.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = AuthFailure.Of(Context);
        if (!failure.IsThrottled)
        {
            metrics.AuthenticationFailed(failure.Reason);
        }

        return failure.WriteAsync(Context);
    }

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
        var key = await keys.FindAsync(credentials.AccessKeyId, Context.RequestAborted);
        _knownKeyId = key?.AccessKeyId;
        // An unknown key costs the same HMAC as a known one and fails the same way.
        var secret = key?.SecretUtf8 ?? UnknownKeySecret;
        // A path with repeated slashes was collapsed before routing; a client may have signed either form.
        var genuine = SignatureMatches(secret, credentials, Request.Path.Value ?? "", body)
            || RequestPaths.AsSent(Context) is { } asSent && SignatureMatches(secret, credentials, asSent, body);
        if (key is null || !genuine)
        {
            return Fail(AuthFailure.InvalidSignature);
        }

        if (!await nonces.TryUseAsync(key, nonce, Context.RequestAborted))
        {
            return Fail(AuthFailure.Replayed);
        }

        return await SuccessAsync(key);
    }

    private bool SignatureMatches(byte[] secret, AuthingAuthorization credentials, string path, ReadOnlyMemory<byte> body)
    {
        var canonical = SignedRequestCanonicalizer.Canonicalize(
            Request.Method,
            Request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())),
            path,
            Request.QueryString.Value,
            body);
        return canonical.Succeeded && AkSkSignature.Verify(secret, canonical.Value!, credentials.Signature);
    }

    private async Task<AuthenticateResult> VerifyTokenAsync(string authorization)
    {
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : authorization.Trim();
        AccessKeyRecord? signingKey = null;
        var result = await tokens.ValidateAsync(
            token, async (kid, ct) => (signingKey = await keys.FindAsync(kid, ct))?.SecretUtf8, Context.RequestAborted);
        _knownKeyId = signingKey?.AccessKeyId;
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

        return await SuccessAsync(signingKey);
    }

    private static readonly byte[] UnknownKeySecret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(24);

    private async Task<AuthenticateResult> SuccessAsync(AccessKeyRecord key)
    {
        await usage.RecordAsync(key, Context.RequestAborted);
        var principal = PoolClaims.Principal(key.UserPoolId, key.AccessKeyId, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private AuthenticateResult Fail(AuthFailure failure)
    {
        if (failure.CountsAsFailedAttempt)
        {
            failures.Record(_clientAddress, _accessKeyId, _knownKeyId, failure.Message);
        }

        failure.AttachTo(Context);
        return AuthenticateResult.Fail(failure.Message);
    }
}
