using System.Text.Json;
using System.Text.Json.Nodes;

namespace UserPool.Api.Tests.Reliability.Support;

/// <summary>
/// What every answer must be, whatever was asked: complete within the time limit, never a 5xx, a JSON object, and
/// under /api/v3 the envelope — statusCode 200 or 4xx, a requestId equal to the x-request-id header on errors, and
/// HTTP 200 for everything but the real 429 (business errors and 413 travel in the body, as Authing does).
/// </summary>
public static class AnswerRules
{
    /// <returns>The envelope's statusCode, or the HTTP status for endpoints without an envelope.</returns>
    public static int Check(ApiEndpoint endpoint, RawResponse response, Func<string> describe)
    {
        string Fail(string why) => $"{why}\nrequest: {describe()}\nanswer: HTTP {response.Status} {Shorten(response.Text)}";

        Assert.True(response.Failure is null, Fail(response.Failure ?? ""));
        Assert.True(response.Status is >= 200 and < 500, Fail("not a 2xx/4xx answer"));
        Assert.True(response.Header("content-type")?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true,
            Fail("not a JSON content type"));
        JsonObject body;
        try
        {
            body = JsonNode.Parse(response.Body)?.AsObject() ?? throw new JsonException("null");
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            throw new Xunit.Sdk.XunitException(Fail("not a JSON object: " + exception.Message));
        }

        if (!endpoint.AnswersEnvelope)
        {
            Assert.True(response.Status == 200, Fail("expected HTTP 200"));
            return response.Status;
        }

        Assert.True(body["statusCode"] is JsonValue code && code.GetValueKind() == JsonValueKind.Number, Fail("no statusCode"));
        var statusCode = (int)body["statusCode"]!;
        Assert.True(statusCode == 200 || statusCode is >= 400 and < 500, Fail("statusCode is neither 200 nor 4xx"));
        Assert.True(response.Status == (statusCode == 429 ? 429 : 200), Fail($"statusCode {statusCode} came with HTTP {response.Status}"));
        Assert.True(body["message"] is JsonValue message && message.GetValueKind() == JsonValueKind.String, Fail("no message"));
        if (statusCode != 200)
        {
            var requestId = (string?)body["requestId"];
            Assert.False(string.IsNullOrEmpty(requestId), Fail("an error without a requestId"));
            Assert.True(response.Header("x-request-id") == requestId, Fail("requestId differs from the x-request-id header"));
            Assert.True(body["data"] is null, Fail("an error with data"));
        }

        return statusCode;
    }

    /// <summary>
    /// A client that goes on sending a body past the limit (1 MiB) has its connection aborted by Kestrel once the
    /// server has answered (413, or the answer of an endpoint that reads no body); the reset can overtake the answer,
    /// or its end, on the way to the client. Not a hang (a timeout still fails) nor a 5xx, and only for such bodies:
    /// the tests count these apart, and still check that nothing was written.
    /// </summary>
    public static bool IsCutAfterAnOverLimitBody(RawRequest request, RawResponse response) =>
        request.Body?.Length > HostileRequests.BodyLimitBytes
        && response.Failure is { } failure
        && (failure.StartsWith("connection", StringComparison.Ordinal) || failure.StartsWith("could not send", StringComparison.Ordinal))
        && response.StatusOfCutAnswer is null or (>= 200 and < 500);

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
