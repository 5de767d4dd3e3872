using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using UserPool.Api.Security.Signing;

namespace UserPool.Api.Tests.Reliability.Support;

/// <summary>How a request authenticates: the Node SDK's signature, or a management token as Python/Go (Bearer) or Java (bare) send it.</summary>
public enum CallerAuth
{
    Signature,
    BearerToken,
    BareToken,
}

/// <summary>
/// Credentials of one pool, applied to a raw request. The signature is computed over the exact bytes sent,
/// with the server's own canonicalizer: hostile requests should reach the handlers, not stop at a signature
/// the test computed differently. A body the canonicalizer cannot read cannot be signed; it goes out with a
/// placeholder signature and is refused with a 401, which the figures count.
/// </summary>
public sealed class Caller(string accessKeyId, string accessKeySecret, string poolId, string token)
{
    public string AccessKeyId => accessKeyId;

    public string PoolId => poolId;

    public string Token => token;

    public List<KeyValuePair<string, string>> Headers(CallerAuth auth, string method, string target, byte[]? body, bool needsCredentials = true)
    {
        if (!needsCredentials)
        {
            return [];
        }

        return auth switch
        {
            CallerAuth.Signature => SignatureHeaders(method, target, body),
            CallerAuth.BearerToken => [new("Authorization", "Bearer " + token), new("x-authing-userpool-id", poolId)],
            _ => [new("Authorization", token), new("x-authing-userpool-id", poolId), new("x-authing-lang", "zh-CN")],
        };
    }

    /// <summary>Node SDK headers signed with this caller's secret (or <paramref name="secret"/>), for a nonce and date of choice.</summary>
    public List<KeyValuePair<string, string>> SignatureHeaders(
        string method, string target, byte[]? body, string? nonce = null, DateTimeOffset? date = null, string? secret = null, string? keyId = null)
    {
        var signed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["x-authing-signature-nonce"] = nonce ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["x-authing-signature-method"] = "HMAC-SHA1",
            ["x-authing-signature-version"] = "1.0",
            ["x-authing-sdk-version"] = "authing-node-sdk:4.0.1",
            ["x-authing-lang"] = "zh-CN",
            ["date"] = (date ?? DateTimeOffset.UtcNow).ToString("r", CultureInfo.InvariantCulture),
        };
        var split = target.Split('?', 2);
        var canonical = SignedRequestCanonicalizer.Canonicalize(method, signed, split[0], split.Length > 1 ? split[1] : null, body ?? []);
        var signature = canonical.Succeeded
            ? AkSkSignature.Compute(Encoding.UTF8.GetBytes(secret ?? accessKeySecret), canonical.Value!.Utf8.Span)
            : "unsignable";
        var headers = signed.Select(h => KeyValuePair.Create(h.Key, h.Value)).ToList();
        headers.Add(new("Authorization", $"authing {keyId ?? accessKeyId}:{signature}"));
        return headers;
    }

    /// <summary>True when the server can rebuild a string to sign from this request (a JSON object body, a parsable query).</summary>
    public static bool IsSignable(string method, string target, byte[]? body)
    {
        var split = target.Split('?', 2);
        return SignedRequestCanonicalizer.Canonicalize(method, new Dictionary<string, string>(), split[0], split.Length > 1 ? split[1] : null, body ?? []).Succeeded;
    }
}
