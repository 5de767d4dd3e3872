using UserPool.Api.Security.Signing;

namespace UserPool.Api.Tests.Security;

public sealed class AuthingAuthorizationHeaderTests
{
    [Theory]
    [InlineData("authing 6a0b1c2d3e4f5a6b7c8d9e0f:L44Zqjw1fPVNBRs6ms/bzD1AMKU=")]
    [InlineData("AUTHING 6a0b1c2d3e4f5a6b7c8d9e0f:L44Zqjw1fPVNBRs6ms/bzD1AMKU=")]
    [InlineData("  Authing   6a0b1c2d3e4f5a6b7c8d9e0f:L44Zqjw1fPVNBRs6ms/bzD1AMKU=  ")]
    public void Parse_NodeSdkHeader_SplitsAccessKeyIdAndSignatureWhateverTheSchemeCase(string header)
    {
        var result = AuthingAuthorizationHeader.Parse(header);

        Assert.True(result.Succeeded);
        Assert.Equal(new AuthingAuthorization("6a0b1c2d3e4f5a6b7c8d9e0f", "L44Zqjw1fPVNBRs6ms/bzD1AMKU="), result.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_NoHeader_IsMissing(string? header) =>
        Assert.Equal(AuthorizationHeaderFailure.Missing, AuthingAuthorizationHeader.Parse(header).Failure);

    [Theory]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.sig")]
    [InlineData("authingx ak:sig")]
    public void Parse_TokenForms_AreNotTheAuthingScheme(string header) =>
        Assert.Equal(AuthorizationHeaderFailure.NotAuthingScheme, AuthingAuthorizationHeader.Parse(header).Failure);

    [Theory]
    [InlineData("authing")]
    [InlineData("authing ak")]
    [InlineData("authing :sig")]
    [InlineData("authing ak:")]
    [InlineData("authing ak:sig:more")]
    [InlineData("authing ak: sig")]
    [InlineData("authing ak :sig")]
    public void Parse_AuthingSchemeWithBadCredentials_IsMalformed(string header) =>
        Assert.Equal(AuthorizationHeaderFailure.Malformed, AuthingAuthorizationHeader.Parse(header).Failure);
}
