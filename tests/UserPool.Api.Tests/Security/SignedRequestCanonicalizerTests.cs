using System.Text;
using UserPool.Api.Security.Signing;

namespace UserPool.Api.Tests.Security;

public sealed class SignedRequestCanonicalizerTests
{
    private static readonly KeyValuePair<string, string>[] DateOnly = [new("date", "Mon, 01 Jan 2024 00:00:00 GMT")];
    private const string Prefix = "date:Mon, 01 Jan 2024 00:00:00 GMT\n";

    internal static CanonicalizationResult Get(string query, string path = "/p") =>
        SignedRequestCanonicalizer.Canonicalize("GET", DateOnly, path, query, ReadOnlyMemory<byte>.Empty);

    internal static CanonicalizationResult Post(string body) => Post(Encoding.UTF8.GetBytes(body));

    internal static CanonicalizationResult Post(byte[] body) =>
        SignedRequestCanonicalizer.Canonicalize("POST", DateOnly, "/p", rawQuery: null, body);

    [Fact]
    public void Canonicalize_GetArrayParams_RebuildsKeyWithJsonArrayInSortedPosition()
    {
        var result = Get("?userIds%5B%5D=a&userIds%5B%5D=b&userIdType=user_id&tags[]=x");

        Assert.Equal("GET\n" + Prefix + "/p?tags=[\"x\"]&userIdType=user_id&userIds=[\"a\",\"b\"]", result.Value!.Text);
    }

    [Theory]
    [InlineData("/api/v3/get-user-batch")]
    [InlineData("/api/v3/get-public-account-batch")]
    public void Canonicalize_BatchReadWithoutUserIds_IsReadAsTheEmptyListTheNodeSdkSigned(string path)
    {
        // getUserBatch({userIds: []}) signs userIds=[], and axios sends no userIds at all.
        Assert.Equal("GET\n" + Prefix + path + "?userIdType=user_id&userIds=[]", Get("userIdType=user_id", path).Value!.Text);
        Assert.Equal("GET\n" + Prefix + "/api/v3/get-user?userIdType=user_id", Get("userIdType=user_id", "/api/v3/get-user").Value!.Text);
    }

    [Fact]
    public void Canonicalize_GetArrayItems_AreQuotedExactlyLikeJsonStringify()
    {
        // Query produced by encodeURIComponent in Node 20; expectation is Node's own JSON.stringify output.
        const string query = "k%5B%5D=a%22b&k%5B%5D=c%5Cd&k%5B%5D=%01%1F&k%5B%5D=%08%0C%0A%0D%09%0B&k%5B%5D=%E5%BC%A0%E4%B8%89"
            + "&k%5B%5D=%3C%2Fscript%3E%26%2B&k%5B%5D=%E2%80%A8%7F%2F&k%5B%5D=%F0%9F%98%80";
        const string expected = "[\"a\\\"b\",\"c\\\\d\",\"\\u0001\\u001f\",\"\\b\\f\\n\\r\\t\\u000b\",\"张三\",\"</script>&+\",\"\u2028\u007f/\",\"😀\"]";

        Assert.Equal("GET\n" + Prefix + "/p?k=" + expected, Get(query).Value!.Text);
    }

    [Fact]
    public void JsonStringify_LoneSurrogate_IsEscapedInLowercaseHex()
    {
        Assert.Equal("[\"\\ud800x\",\"y\\udc00\"]", JsJsonString.StringifyArray(["\ud800x", "y\udc00"]));
    }

    [Theory]
    [InlineData("q=a+b", "q=a b")]
    [InlineData("q=a%2Bb", "q=a+b")]
    [InlineData("q=a%20b%26c%3Dd", "q=a b&c=d")]
    [InlineData("q=%E5%BC%A0%E4%B8%89", "q=张三")]
    [InlineData("na+me=1", "na me=1")]
    [InlineData("q=", "q=")]
    [InlineData("q", "q=")]
    [InlineData("b=2&&a=1&", "a=1&b=2")]
    public void Canonicalize_GetQuery_DecodesPlusAsSpaceAndPercentEscapes(string query, string expectedPairs) =>
        Assert.Equal("GET\n" + Prefix + "/p?" + expectedPairs, Get(query).Value!.Text);

    [Fact]
    public void Canonicalize_QueryWithOrWithoutLeadingQuestionMark_IsTheSame() =>
        Assert.Equal(Get("?a=1&b=2").Value!.Text, Get("a=1&b=2").Value!.Text);

    [Theory]
    [InlineData("a=1&a=2")]
    [InlineData("a=1&a[]=2")]
    public void Canonicalize_AmbiguousRepeatedQueryParam_Fails(string query) =>
        Assert.Equal(CanonicalizationFailure.DuplicateQueryParameter, Get(query).Failure);

    [Theory]
    [InlineData("")]
    [InlineData("?")]
    public void Canonicalize_GetWithoutQuery_IsPathAloneAndOffersPathQuestionMarkVariant(string query)
    {
        var result = Get(query).Value!;

        Assert.Equal("GET\n" + Prefix + "/p", result.Text);
        Assert.Equal("GET\n" + Prefix + "/p?", Encoding.UTF8.GetString(result.BareQuestionMarkVariantUtf8!.Value.Span));
    }

    [Fact]
    public void Verify_SignatureOverPathQuestionMark_IsAcceptedWhenThereIsNoQuery()
    {
        // The SDK signs "path?" when every param was undefined, yet axios then sends no query at all.
        var signature = AkSkSignature.Compute("s", "GET\n" + Prefix + "/p?");

        Assert.True(AkSkSignature.Verify("s", Get("").Value!, signature));
        Assert.False(AkSkSignature.Verify("s", Get("a=1").Value!, AkSkSignature.Compute("s", "GET\n" + Prefix + "/p?a=1?")));
    }

    [Fact]
    public void Canonicalize_ResourceWithPairs_OffersNoVariant() => Assert.Null(Get("a=1").Value!.BareQuestionMarkVariantUtf8);

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t")]
    [InlineData("{}")]
    [InlineData(" { } ")]
    public void Canonicalize_EmptyBodyOrEmptyObject_ResourceIsPathAlone(string body)
    {
        var result = Post(body).Value!;

        Assert.Equal("POST\n" + Prefix + "/p", result.Text);
        Assert.NotNull(result.BareQuestionMarkVariantUtf8);
    }

    [Fact]
    public void Canonicalize_PostBody_StringsUnescapedAndOtherValuesAsRawJsonText()
    {
        const string body = """{"s":"x\"y\u00fc\n/","o":{"k":[1,"\u00fc"]},"n":1e+21,"f":-0.5,"t":true,"z":null,"e":""}""";

        Assert.Equal(
            "POST\n" + Prefix + "/p?e=&f=-0.5&n=1e+21&o={\"k\":[1,\"\\u00fc\"]}&s=x\"yü\n/&t=true&z=null",
            Post(body).Value!.Text);
    }

    [Fact]
    public void Canonicalize_PostBody_KeysSortedByUtf16CodeUnitsLikeJavaScript()
    {
        // U+FF01 sorts after U+1F600 in UTF-16 (0xFF01 > 0xD83D) although its code point is lower.
        const string body = """{"b":1,"\uFF01":2,"😀":3,"B":4,"a":5}""";

        Assert.Equal("POST\n" + Prefix + "/p?B=4&a=5&b=1&😀=3&！=2", Post(body).Value!.Text);
    }

    [Fact]
    public void Canonicalize_PostIgnoresQueryAndGetIgnoresBody()
    {
        var post = SignedRequestCanonicalizer.Canonicalize("POST", DateOnly, "/p", "a=1", "{\"b\":2}"u8.ToArray());
        var get = SignedRequestCanonicalizer.Canonicalize("GET", DateOnly, "/p", "a=1", "{\"b\":2}"u8.ToArray());

        Assert.Equal("POST\n" + Prefix + "/p?b=2", post.Value!.Text);
        Assert.Equal("GET\n" + Prefix + "/p?a=1", get.Value!.Text);
    }
}
