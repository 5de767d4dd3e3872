using System.Net;
using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Passwords;

/// <summary>
/// GET /api/v3/system, which is not an envelope: the SDKs read the transport keys at the top level (and again under
/// data), so it is read as a plain JSON object.
/// </summary>
public static class SystemInfo
{
    public static async Task<JsonObject> ReadAsync(UserPoolApiFactory api)
    {
        using var http = api.CreateClient();
        var response = await http.GetAsync("/api/v3/system");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The RSA (PEM) and SM2 (hex) public keys a client encrypts passwords with.</summary>
    public static async Task<(string Rsa, string Sm2)> PublishedKeysAsync(UserPoolApiFactory api)
    {
        var system = await ReadAsync(api);
        return ((string)system["rsa"]!["publicKey"]!, (string)system["sm2"]!["publicKey"]!);
    }
}
