using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using UserPool.Api.Security.Signing;

namespace UserPool.Api.Tests.Infrastructure;

/// <summary>
/// Sends requests signed as the Node SDK signs them (docs/contract.md §2a): date, nonce and x-authing-* headers,
/// HMAC-SHA1 over the rebuilt string. The real SDK itself runs in tests/sdk-interop; this client lets the
/// xunit tests drive every endpoint the same way.
/// </summary>
public sealed class SignedClient(HttpClient http, string accessKeyId, string secret) : IDisposable
{
    public HttpClient Http => http;
    public string Lang { get; set; } = "zh-CN";

    public Task<HttpResponseMessage> PostAsync(string path, object? body) =>
        SendAsync(HttpMethod.Post, path, JsonSerializer.Serialize(body, Json.Options));

    public Task<HttpResponseMessage> PostRawAsync(string path, string body) => SendAsync(HttpMethod.Post, path, body);

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => SendAsync(HttpMethod.Get, pathAndQuery, null);

    /// <summary>Posts and returns the envelope, asserting HTTP 200 (business errors travel in the body).</summary>
    public async Task<JsonObject> PostEnvelopeAsync(string path, object? body) => await Envelopes.ReadAsync(await PostAsync(path, body));

    public async Task<JsonObject> GetEnvelopeAsync(string pathAndQuery) => await Envelopes.ReadAsync(await GetAsync(pathAndQuery));

    public HttpRequestMessage Sign(HttpMethod method, string pathAndQuery, string? body, string? nonce = null, DateTimeOffset? date = null)
    {
        var request = new HttpRequestMessage(method, pathAndQuery);
        var headers = new Dictionary<string, string>
        {
            ["x-authing-signature-nonce"] = nonce ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["x-authing-signature-method"] = "HMAC-SHA1",
            ["x-authing-signature-version"] = "1.0",
            ["x-authing-sdk-version"] = "authing-node-sdk:4.0.1",
            ["x-authing-lang"] = Lang,
            ["date"] = (date ?? DateTimeOffset.UtcNow).ToString("r"),
        };
        var split = pathAndQuery.Split('?', 2);
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var stringToSign = SignedRequestCanonicalizer.Canonicalize(method.Method, headers, split[0], split.Length > 1 ? split[1] : null, bytes);
        var signature = stringToSign.Succeeded ? AkSkSignature.Compute(Encoding.UTF8.GetBytes(secret), stringToSign.Value!.Utf8.Span) : "unsignable";
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", $"authing {accessKeyId}:{signature}");
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new("application/json");
        }

        return request;
    }

    public void Dispose() => http.Dispose();

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string? body) =>
        http.SendAsync(Sign(method, pathAndQuery, body));
}
