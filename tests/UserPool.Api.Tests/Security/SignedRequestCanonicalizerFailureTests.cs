using System.Text;
using UserPool.Api.Security.Signing;

namespace UserPool.Api.Tests.Security;

public sealed class SignedRequestCanonicalizerFailureTests
{
    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"a\":1}]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("true")]
    public void Canonicalize_BodyThatIsNotAnObject_FailsWithoutThrowing(string body) =>
        Assert.Equal(CanonicalizationFailure.BodyNotJsonObject, SignedRequestCanonicalizerTests.Post(body).Failure);

    [Theory]
    [InlineData("{")]
    [InlineData("{\"a\":1")]
    [InlineData("{\"a\":}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":1} {}")]
    [InlineData("{\"a\":1}x")]
    [InlineData("{'a':1}")]
    [InlineData("{\"a\":\"\\ud800\"}")]
    [InlineData("{\"\\udc00\":1}")]
    [InlineData("{\"a\":[1,2}")]
    [InlineData("not json")]
    public void Canonicalize_MalformedBody_FailsWithoutThrowing(string body) =>
        Assert.Equal(CanonicalizationFailure.MalformedJsonBody, SignedRequestCanonicalizerTests.Post(body).Failure);

    [Fact]
    public void Canonicalize_BodyWithInvalidUtf8InNestedString_Fails()
    {
        byte[] body = [.. "{\"a\":{\"b\":\""u8, 0xC3, 0x28, .. "\"}}"u8];

        Assert.Equal(CanonicalizationFailure.MalformedJsonBody, SignedRequestCanonicalizerTests.Post(body).Failure);
    }

    [Fact]
    public void Canonicalize_BodyNestedDeeperThanReaderLimit_Fails()
    {
        var body = "{\"a\":" + new string('[', 200) + new string(']', 200) + "}";

        Assert.Equal(CanonicalizationFailure.MalformedJsonBody, SignedRequestCanonicalizerTests.Post(body).Failure);
    }

    [Fact]
    public void Canonicalize_DuplicateTopLevelBodyKey_IsRefused()
    {
        // JSON.parse would keep the last value; the SDK never sends duplicates, so refusing avoids the ambiguity.
        Assert.Equal(CanonicalizationFailure.DuplicateBodyKey, SignedRequestCanonicalizerTests.Post("{\"a\":1,\"b\":2,\"a\":3}").Failure);
    }

    [Fact]
    public void Canonicalize_DuplicateNestedKey_IsSignedAsRawText() =>
        Assert.True(SignedRequestCanonicalizerTests.Post("{\"a\":{\"x\":1,\"x\":2}}").Succeeded);

    [Fact]
    public void Canonicalize_SignedHeaderSentTwiceUnderDifferentCase_IsRefused()
    {
        KeyValuePair<string, string>[] headers = [new("date", "a"), new("Date", "b")];

        var result = SignedRequestCanonicalizer.Canonicalize("GET", headers, "/p", "", ReadOnlyMemory<byte>.Empty);

        Assert.Equal(CanonicalizationFailure.DuplicateSignedHeader, result.Failure);
    }

    [Fact]
    public void Canonicalize_HeaderNamesAndValues_AreNormalizedLikeTheSdk()
    {
        KeyValuePair<string, string>[] headers =
        [
            new("X-Authing-Lang", "\t zh-CN\r\n"),
            new("X-AUTHING-B", "a\fb\tc"),
            new("DATE", "\uFEFF\u00A0d\u3000"),
            new("x-authing-c", "\u0085kept\u0085"),
            new("Content-Type", "application/json"),
        ];

        var result = SignedRequestCanonicalizer.Canonicalize("GET", headers, "/p", "", ReadOnlyMemory<byte>.Empty);

        Assert.Equal("GET\ndate:d\nx-authing-b:a b c\nx-authing-c:\u0085kept\u0085\nx-authing-lang:zh-CN\n/p", result.Value!.Text);
    }

    [Fact]
    public void Canonicalize_OneMegabyteBody_MatchesDomBasedReference()
    {
        var users = Enumerable.Range(0, 10000).Select(i =>
            $$"""{"username":"user{{i}}","name":"张三{{i}}","customData":{"n":{{i}}.5,"q":"\"x\" \\ {{i}}"},"tags":["a","b"],"ok":true}""");
        var body = $$"""{"list":[{{string.Join(',', users)}}],"options":{"keepPassword":false},"z":"tail \u00fc"}""";
        Assert.True(Encoding.UTF8.GetByteCount(body) > 1_000_000);

        var result = SignedRequestCanonicalizerTests.Post(body);

        Assert.Equal(DomReference(body), result.Value!.Text);
    }

    // The contract's verified approach (JsonDocument + GetRawText), kept here only as an oracle.
    private static string DomReference(string body)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body);
        var pairs = document.RootElement.EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + (p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()));
        return "POST\ndate:Mon, 01 Jan 2024 00:00:00 GMT\n/p?" + string.Join('&', pairs);
    }
}
