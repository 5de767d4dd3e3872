using System.Net;
using System.Text.Json.Nodes;

namespace UserPool.Api.Tests.Infrastructure;

/// <summary>Reading and checking the contract's envelope {statusCode, message, apiCode?, requestId?, data}.</summary>
public static class Envelopes
{
    /// <summary>
    /// Parses the envelope whatever the HTTP status, and checks the status rule on the way: 4xx business errors
    /// travel as HTTP 200 (axios throws on anything else), 429 and 5xx keep their real status.
    /// </summary>
    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        JsonObject envelope;
        try
        {
            envelope = JsonNode.Parse(text)!.AsObject();
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException)
        {
            throw new Xunit.Sdk.XunitException($"HTTP {(int)response.StatusCode} is not an envelope: '{text}'");
        }

        var statusCode = (int?)envelope["statusCode"] ?? throw new Xunit.Sdk.XunitException($"No statusCode: {text}");
        var expectedHttp = statusCode is 429 or >= 500 ? (HttpStatusCode)statusCode : HttpStatusCode.OK;
        Assert.True(response.StatusCode == expectedHttp, $"statusCode {statusCode} came with HTTP {(int)response.StatusCode}: {text}");
        Assert.True(envelope["message"] is JsonValue, $"No message: {text}");
        return envelope;
    }

    public static int StatusCode(this JsonObject envelope) => (int)envelope["statusCode"]!;

    public static int? ApiCode(this JsonObject envelope) => (int?)envelope["apiCode"];

    public static string Message(this JsonObject envelope) => (string)envelope["message"]!;

    /// <summary>A 401 with the expected apiCode (null: none), a message, a request id and no data.</summary>
    public static void AssertUnauthorized(JsonObject envelope, int? apiCode)
    {
        Assert.True(envelope.StatusCode() == 401, $"Expected 401, got {envelope.ToJsonString()}");
        Assert.Equal(apiCode, envelope.ApiCode());
        Assert.False(string.IsNullOrWhiteSpace(envelope.Message()));
        Assert.False(string.IsNullOrEmpty((string?)envelope["requestId"]));
        Assert.Null(envelope["data"]);
    }

    public static void AssertSuccess(JsonObject envelope) =>
        Assert.True(envelope.StatusCode() == 200, $"Expected 200, got {envelope.ToJsonString()}");
}
