using System.Net;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Reliability.Support;

/// <summary>Signed and forged requests from a chosen client address (sent as X-Forwarded-For through the loopback proxy).</summary>
public static class ThrottleRequests
{
    private static int _addresses;

    /// <summary>
    /// An address no other test of this run uses, so the limiter's windows never carry over between tests: counted, not
    /// drawn at random (two random draws can meet, and the second test would start throttled).
    /// </summary>
    public static string NewAddress()
    {
        var next = Interlocked.Increment(ref _addresses);
        return $"198.51.{next / 254 % 256}.{next % 254 + 1}";
    }

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
