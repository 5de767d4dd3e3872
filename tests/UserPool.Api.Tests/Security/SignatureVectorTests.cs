using UserPool.Api.Security.Signing;

namespace UserPool.Api.Tests.Security;

public sealed class SignatureVectorTests
{
    [Fact]
    public void VectorFile_HoldsTheFiveCapturedRequests() => Assert.Equal(5, SignatureVectors.All.Vectors.Count);

    [Theory]
    [MemberData(nameof(SignatureVectors.Ids), MemberType = typeof(SignatureVectors))]
    public void Canonicalize_CapturedNodeSdkRequest_MatchesCapturedStringToSign(string vectorId)
    {
        var vector = SignatureVectors.Named(vectorId);

        var result = vector.Canonicalize();

        Assert.True(result.Succeeded, result.Failure.ToString());
        Assert.Equal(vector.StringToSign, result.Value.Text);
    }

    [Theory]
    [MemberData(nameof(SignatureVectors.Ids), MemberType = typeof(SignatureVectors))]
    public void Sign_CapturedStringToSign_ProducesCapturedAuthorization(string vectorId)
    {
        var vector = SignatureVectors.Named(vectorId);

        var signature = AkSkSignature.Compute(SignatureVectors.Secret, vector.StringToSign);

        Assert.Equal(vector.ExpectedAuthorization, $"authing {SignatureVectors.All.AccessKeyId}:{signature}");
        Assert.Equal(vector.ExpectedAuthorization, vector.AuthorizationHeader);
    }

    [Theory]
    [MemberData(nameof(SignatureVectors.Ids), MemberType = typeof(SignatureVectors))]
    public void Verify_CapturedNodeSdkRequest_AcceptsItsAuthorizationHeader(string vectorId)
    {
        var vector = SignatureVectors.Named(vectorId);

        var header = AuthingAuthorizationHeader.Parse(vector.AuthorizationHeader);
        var stringToSign = vector.Canonicalize().Value!;

        Assert.True(header.Succeeded);
        Assert.Equal(SignatureVectors.All.AccessKeyId, header.Value.AccessKeyId);
        Assert.True(AkSkSignature.Verify(SignatureVectors.Secret, stringToSign, header.Value.Signature));
    }

    [Fact]
    public void Canonicalize_V1CreateUsersBatch_MatchesCapturedStringToSign()
    {
        var vector = SignatureVectors.Named("V1");

        Assert.Equal(vector.StringToSign, vector.Canonicalize().Value!.Text);
    }
}
