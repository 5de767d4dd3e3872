using System.Text;
using UserPool.Api.Security.Signing;

namespace UserPool.Api.Tests.Security;

/// <summary>Any change to a signed part of a captured request must make its genuine signature fail.</summary>
public sealed class SignatureVectorTamperingTests
{
    private static readonly SignatureVector CreateUser = SignatureVectors.Named("V3");
    private static readonly SignatureVector GetUser = SignatureVectors.Named("V2");

    private static bool GenuineSignatureAccepted(
        SignatureVector vector, string? method = null, Dictionary<string, string>? headers = null, string? path = null, string? query = null, string? body = null)
    {
        var result = SignedRequestCanonicalizer.Canonicalize(
            method ?? vector.Method, headers ?? vector.Headers, path ?? vector.Path, query ?? vector.Query, Encoding.UTF8.GetBytes(body ?? vector.Body));
        var signature = AuthingAuthorizationHeader.Parse(vector.AuthorizationHeader).Value!.Signature;
        return result.Succeeded && AkSkSignature.Verify(SignatureVectors.Secret, result.Value, signature);
    }

    private static Dictionary<string, string> HeadersWith(SignatureVector vector, string name, string value) =>
        new(vector.Headers, StringComparer.Ordinal) { [name] = value };

    [Fact]
    public void Tampering_Nothing_SignatureStillAccepted() => Assert.True(GenuineSignatureAccepted(CreateUser));

    [Fact]
    public void Tampering_TopLevelBodyString_RefusesSignature() =>
        Assert.False(GenuineSignatureAccepted(CreateUser, body: CreateUser.Body.Replace("\"username\":\"bob\"", "\"username\":\"eve\"")));

    [Fact]
    public void Tampering_NestedBodyValue_RefusesSignature() =>
        Assert.False(GenuineSignatureAccepted(CreateUser, body: CreateUser.Body.Replace("\"n\":1.5", "\"n\":2.5")));

    [Fact]
    public void Tampering_AddedBodyKey_RefusesSignature() =>
        Assert.False(GenuineSignatureAccepted(CreateUser, body: CreateUser.Body.Replace("{\"username\"", "{\"admin\":true,\"username\"")));

    [Fact]
    public void Tampering_QueryValue_RefusesSignature() =>
        Assert.False(GenuineSignatureAccepted(GetUser, query: GetUser.Query.Replace("withCustomData=true", "withCustomData=false")));

    [Theory]
    [InlineData("x-authing-app-id", "tenant-002")]
    [InlineData("x-authing-lang", "zh-CN")]
    [InlineData("date", "Mon, 01 Jan 2024 00:00:01 GMT")]
    [InlineData("x-authing-signature-nonce", "000dff7fa6e0d3103ee675ff60918288")]
    [InlineData("X-Authing-Injected", "1")]
    public void Tampering_SignedHeader_RefusesSignature(string name, string value) =>
        Assert.False(GenuineSignatureAccepted(CreateUser, headers: HeadersWith(CreateUser, name, value)));

    [Theory]
    [InlineData("user-agent", "curl/8")]
    [InlineData("Content-Type", "text/plain")]
    [InlineData("x-authing", "not the x-authing- prefix")]
    public void Tampering_UnsignedHeader_KeepsSignatureValid(string name, string value) =>
        Assert.True(GenuineSignatureAccepted(CreateUser, headers: HeadersWith(CreateUser, name, value)));

    [Theory]
    [InlineData("PUT")]
    [InlineData("post")]
    [InlineData("DELETE")]
    public void Tampering_Method_RefusesSignature(string method) =>
        Assert.False(GenuineSignatureAccepted(CreateUser, method: method));

    [Theory]
    [InlineData("/api/v3/create-users-batch")]
    [InlineData("/api/v3/create-user/")]
    [InlineData("/API/v3/create-user")]
    public void Tampering_Path_RefusesSignature(string path) =>
        Assert.False(GenuineSignatureAccepted(CreateUser, path: path));

    [Fact]
    public void Verify_WrongSecret_RefusesSignature()
    {
        var stringToSign = CreateUser.Canonicalize().Value!;
        var signature = AuthingAuthorizationHeader.Parse(CreateUser.AuthorizationHeader).Value!.Signature;

        Assert.False(AkSkSignature.Verify(SignatureVectors.Secret + "x", stringToSign, signature));
    }

    [Fact]
    public void Verify_NonCanonicalBase64OfTheSameMac_RefusesSignature()
    {
        // "…7/c=" and "…7/d=" decode to the same 20 bytes: the last char's two low bits are padding.
        var stringToSign = CreateUser.Canonicalize().Value!;

        Assert.True(AkSkSignature.Verify(SignatureVectors.Secret, stringToSign, "trEfPxu8gXHm4HjsNGEkS2hV7/c="));
        Assert.Equal(Convert.FromBase64String("trEfPxu8gXHm4HjsNGEkS2hV7/c="), Convert.FromBase64String("trEfPxu8gXHm4HjsNGEkS2hV7/d="));
        Assert.False(AkSkSignature.Verify(SignatureVectors.Secret, stringToSign, "trEfPxu8gXHm4HjsNGEkS2hV7/d="));
        Assert.False(AkSkSignature.Verify(SignatureVectors.Secret, stringToSign, "trEfPxu8gXHm4HjsNGEkS2hV7/c"));
        Assert.False(AkSkSignature.Verify(SignatureVectors.Secret, stringToSign, string.Empty));
    }
}
