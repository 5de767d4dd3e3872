using System.Net;
using System.Security.Cryptography;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Reliability.Support;

/// <summary>Signed and forged requests from a chosen client address (sent as X-Forwarded-For through the loopback proxy).</summary>
public static class ThrottleRequests
{
    /// <summary>A documentation address no other test uses, so the limiter's windows never carry over between tests.</summary>
    public static string NewAddress() => $"198.51.{RandomNumberGenerator.GetInt32(0, 256)}.{RandomNumberGenerator.GetInt32(1, 255)}";

    public static async Task<HttpResponseMessage> SignedGetAsync(UserPoolApiFactory server, string address, string keyId, string secret)
    {
        using var http = server.CreateClient();
        using var request = CustomFieldCalls.GetUserFields().Sign(keyId, secret);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", address);
        return await http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ForgedGetAsync(UserPoolApiFactory server, string address, string keyId = UserPoolApiFactory.AccessKeyId) =>
        SignedGetAsync(server, address, keyId, "not-the-secret-" + Guid.NewGuid());

    public static async Task AssertThrottledAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        Assert.Equal(429, (await Envelopes.ReadAsync(response)).StatusCode());
    }
}
