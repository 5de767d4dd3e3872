using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UserPool.Api.Tests.Infrastructure;

/// <summary>The SDKs that authenticate with a management token instead of signing (docs/contract.md §2b).</summary>
public enum TokenSdk
{
    Python,
    Go,
    Java,
}

/// <summary>
/// A management-token client that sends exactly the headers (and body formatting) of the Python 5.1.0,
/// Go 3.0.15 or Java 3.1.x SDK over HttpClient, and reads <c>scoped_userpool_id</c> the way they do:
/// without verifying the token, and (like Python, the strictest) with standard base64.
/// </summary>
public sealed class TokenSdkClient(HttpClient http, TokenSdk sdk, string accessKeyId, string accessKeySecret) : IDisposable
{
    public TokenSdk Sdk => sdk;

    public string? Token { get; set; }

    /// <summary>The pool id read from the token, sent as x-authing-userpool-id.</summary>
    public string? PoolId { get; set; }

    /// <summary>Calls get-management-token as the SDK does; on success keeps the token and its pool id.</summary>
    public async Task<JsonObject> LoginAsync()
    {
        var body = new JsonObject { ["accessKeyId"] = accessKeyId, ["accessKeySecret"] = accessKeySecret };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/get-management-token") { Content = Content(body) };
        if (sdk == TokenSdk.Go)
        {
            // Go sends its tenant header on every call, the token call included, empty when no tenant is set.
            request.Headers.TryAddWithoutValidation("x-authing-app-tenant-id", "");
        }

        var envelope = await Envelopes.ReadAsync(await http.SendAsync(request));
        if ((int?)envelope["statusCode"] == 200)
        {
            Token = (string)envelope["data"]!["access_token"]!;
            PoolId = ReadScopedUserPoolIdLikePython(Token);
        }

        return envelope;
    }

    /// <summary>Python: pad with '=' and decode segment 2 with standard base64 (b64decode), then json.loads.</summary>
    public static string ReadScopedUserPoolIdLikePython(string token)
    {
        var payload = token.Split('.')[1];
        Assert.DoesNotContain('-', payload);
        Assert.DoesNotContain('_', payload);
        payload += new string('=', (4 - payload.Length % 4) % 4);
        var claims = JsonNode.Parse(Convert.FromBase64String(payload))!.AsObject();
        return (string)claims["scoped_userpool_id"]!;
    }

    public HttpRequestMessage Build(HttpMethod method, string pathAndQuery, JsonObject? body = null)
    {
        var request = new HttpRequestMessage(method, pathAndQuery);
        var token = Token ?? throw new InvalidOperationException("Log in first.");
        switch (sdk)
        {
            case TokenSdk.Python:
                request.Headers.TryAddWithoutValidation("x-authing-sdk-version", "authing-py-sdk:5.1.0");
                request.Headers.TryAddWithoutValidation("x-authing-request-from", "sdk");
                request.Headers.TryAddWithoutValidation("x-authing-lang", "");
                request.Headers.TryAddWithoutValidation("authorization", "Bearer " + token);
                break;
            case TokenSdk.Go:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                request.Headers.TryAddWithoutValidation("x-authing-sdk-version", "authing-golang-sdk:3.0.15");
                request.Headers.TryAddWithoutValidation("x-authing-lang", "");
                request.Headers.TryAddWithoutValidation("x-authing-app-tenant-id", "");
                break;
            case TokenSdk.Java:
                // Java sends the signature headers (date in epoch milliseconds) but signs nothing: the token is the credential.
                request.Headers.TryAddWithoutValidation("Authorization", token);
                request.Headers.TryAddWithoutValidation("x-authing-lang", "zh-CN");
                request.Headers.TryAddWithoutValidation("x-authing-sdk-version", "authing-java-sdk:3.1.4");
                request.Headers.TryAddWithoutValidation("x-authing-signature-method", "HMAC-SHA1");
                request.Headers.TryAddWithoutValidation("x-authing-signature-nonce", RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 16));
                request.Headers.TryAddWithoutValidation("x-authing-signature-version", "1.0");
                request.Headers.TryAddWithoutValidation("date", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
                break;
        }

        if (PoolId is not null)
        {
            request.Headers.TryAddWithoutValidation("x-authing-userpool-id", PoolId);
        }

        if (body is not null)
        {
            request.Content = Content(body);
        }

        return request;
    }

    public async Task<JsonObject> SendAsync(HttpMethod method, string pathAndQuery, JsonObject? body = null)
    {
        using var request = Build(method, pathAndQuery, body);
        return await Envelopes.ReadAsync(await http.SendAsync(request));
    }

    /// <summary>The body as the SDK's JSON library writes it, with the SDK's Content-Type.</summary>
    private ByteArrayContent Content(JsonObject body)
    {
        var text = sdk == TokenSdk.Python ? PythonJsonDumps(body) : body.ToJsonString();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = sdk == TokenSdk.Go
            ? MediaTypeHeaderValue.Parse("application/json;charset=UTF-8")
            : new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>Python's json.dumps defaults, which requests uses: ", " and ": " separators, non-ASCII as \uXXXX.</summary>
    public static string PythonJsonDumps(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(", ", o.Select(p => PythonString(p.Key) + ": " + PythonJsonDumps(p.Value))) + "}",
        JsonArray a => "[" + string.Join(", ", a.Select(PythonJsonDumps)) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => PythonString(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        _ => node.ToJsonString(),
    };

    private static string PythonString(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' or > '~' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    public void Dispose() => http.Dispose();
}
