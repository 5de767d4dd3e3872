using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UserPool.Api.Tests.Infrastructure;

/// <summary>
/// A request built the way authing-node-sdk 4.0.1 builds one (docs/contract.md §2a), independently of the server's code:
/// the string to sign comes from the payload object (strings raw, everything else JSON.stringify), not from the
/// wire, so a server that rebuilds it wrongly from the wire fails these tests. Edit <see cref="Headers"/> before
/// <see cref="Sign"/> to sign unusual headers; edit the returned message to tamper after signing.
/// </summary>
public sealed class NodeSdkRequest
{
    private static readonly JsonSerializerOptions JsStringify = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private NodeSdkRequest(HttpMethod method, string path)
    {
        Method = method;
        Path = path;
        Headers = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["x-authing-signature-nonce"] = NewNonce(),
            ["x-authing-signature-method"] = "HMAC-SHA1",
            ["x-authing-signature-version"] = "1.0",
            ["x-authing-sdk-version"] = "authing-node-sdk:4.0.1",
            ["x-authing-lang"] = "zh-CN",
            ["date"] = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture),
        };
    }

    public HttpMethod Method { get; }

    public string Path { get; }

    /// <summary>GET parameters, in the order axios puts them on the wire.</summary>
    public List<KeyValuePair<string, string>> Query { get; } = [];

    /// <summary>The POST payload; null sends no JSON (see <see cref="EmptyBody"/>).</summary>
    public JsonObject? Body { get; private init; }

    /// <summary>A POST with Content-Length 0, as <c>listPublicAccounts()</c> sends it: signed as the bare path.</summary>
    public bool EmptyBody { get; private init; }

    /// <summary>The signed headers (date and x-authing-*); a null value is neither signed nor sent.</summary>
    public Dictionary<string, string?> Headers { get; }

    /// <summary>null sends no Content-Type.</summary>
    public string? ContentType { get; set; } = "application/json";

    public static NodeSdkRequest Get(string path, params (string Key, string Value)[] query)
    {
        var request = new NodeSdkRequest(HttpMethod.Get, path);
        request.Query.AddRange(query.Select(q => KeyValuePair.Create(q.Key, q.Value)));
        return request;
    }

    public static NodeSdkRequest Post(string path, JsonObject body) => new(HttpMethod.Post, path) { Body = body };

    public static NodeSdkRequest PostWithoutBody(string path) => new(HttpMethod.Post, path) { EmptyBody = true };

    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string PathAndQuery => Query.Count == 0
        ? Path
        : Path + "?" + string.Join("&", Query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));

    /// <summary>The body exactly as axios sends it: <c>JSON.stringify(data)</c>.</summary>
    public string? WireBody => EmptyBody ? "" : Body?.ToJsonString(JsStringify);

    /// <summary>METHOD\n + sorted "name:value\n" header lines + path[?k=v&amp;…], as buildSignature.ts computes it.</summary>
    /// <param name="method">Sign as if the method were this one (to tamper with the method).</param>
    /// <param name="path">Sign as if the path were this one (to tamper with the path).</param>
    public string StringToSign(string? method = null, string? path = null)
    {
        var builder = new StringBuilder((method ?? Method.Method) + "\n");
        foreach (var (name, value) in Headers.Where(h => h.Value is not null).OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (name == "date" || name.StartsWith("x-authing-", StringComparison.Ordinal))
            {
                builder.Append(name).Append(':').Append(value!.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ').Replace('\f', ' ').Trim()).Append('\n');
            }
        }

        builder.Append(path ?? Path);
        var pairs = Method == HttpMethod.Get
            ? Query.Select(q => (q.Key, q.Value))
            : (Body ?? new JsonObject()).Select(p => (p.Key, p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : p.Value?.ToJsonString(JsStringify) ?? "null"));
        var sorted = pairs.OrderBy(p => p.Item1, StringComparer.Ordinal).Select(p => p.Item1 + "=" + p.Item2).ToList();
        if (sorted.Count > 0)
        {
            builder.Append('?').Append(string.Join("&", sorted));
        }

        return builder.ToString();
    }

    public static string Signature(string secret, string stringToSign) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>The wire request with <c>Authorization: authing &lt;ak&gt;:&lt;signature&gt;</c>.</summary>
    public HttpRequestMessage Sign(string accessKeyId, string secret, string? stringToSignOverride = null)
    {
        var message = new HttpRequestMessage(Method, PathAndQuery);
        message.Headers.TryAddWithoutValidation("Accept", "application/json");
        message.Headers.TryAddWithoutValidation("User-Agent", "AuthingIdentityCloud (linux; x64) Node.js/v20.11.0 Core/4.0.1");
        foreach (var (name, value) in Headers)
        {
            if (value is not null)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        message.Headers.TryAddWithoutValidation(
            "Authorization", $"authing {accessKeyId}:{Signature(secret, stringToSignOverride ?? StringToSign())}");
        if (WireBody is { } body)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }
}
