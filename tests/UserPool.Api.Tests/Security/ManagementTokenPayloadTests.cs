using System.Text;
using UserPool.Api.Security.Tokens;

namespace UserPool.Api.Tests.Security;

/// <summary>The Python SDK decodes the payload with standard base64, so no payload may contain '-' or '_'.</summary>
public sealed class ManagementTokenPayloadTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("per-access-key-secret-0123456789");

    private static ManagementTokenIssuer Issuer() => new(TimeProvider.System);

    [Fact]
    public void Issue_2000Tokens_EveryPayloadIsCleanAndReadableAsPythonReadsIt()
    {
        for (var i = 0; i < 2000; i++)
        {
            var poolId = $"pool-{i:x6}";
            var token = Issuer().Issue(poolId, "ak", Secret, TimeSpan.FromHours(2)).AccessToken;

            Assert.DoesNotContain('-', token.Split('.')[1]);
            Assert.DoesNotContain('_', token.Split('.')[1]);
            Assert.Equal(poolId, UnverifiedManagementTokenReader.ReadScopedUserPoolId(token));
        }
    }

    [Theory]
    [InlineData("pool?id~x")]
    [InlineData("what?")]
    [InlineData("张三的用户池")]
    public void Issue_PoolIdWhoseBytesCanEncodeToDashOrUnderscore_RerollsUntilClean(string poolId)
    {
        for (var i = 0; i < 200; i++)
        {
            var token = Issuer().Issue(poolId, "ak", Secret, TimeSpan.FromHours(2)).AccessToken;

            Assert.True(ManagementTokenIssuer.PayloadIsStandardBase64Clean(token));
            Assert.Equal(poolId, UnverifiedManagementTokenReader.ReadScopedUserPoolId(token));
        }
    }

    [Fact]
    public void Issue_PoolIdDirtyInEveryAlignment_GivesUpAfterBoundedAttempts()
    {
        // Three '?' in a row: whatever the alignment, one lands on a base64 group's last 6 bits, which encode to '_'.
        Assert.Throws<InvalidOperationException>(() => Issuer().Issue("???", "ak", Secret, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void UnverifiedReader_PayloadWithUrlSafeCharacters_FailsAsPythonWould()
    {
        // Payload {"scoped_userpool_id":"???"} in base64url contains '_' (standard base64 would have '/').
        var payload = Convert.ToBase64String("{\"scoped_userpool_id\":\"???\"}"u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Contains('_', payload);

        Assert.Null(UnverifiedManagementTokenReader.ReadScopedUserPoolId("e30." + payload + ".sig"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("only-one-segment")]
    [InlineData("e30.e30.sig")]
    [InlineData("e30.eyJzY29wZWRfdXNlcnBvb2xfaWQiOjF9.sig")]
    [InlineData("e30.bm90IGpzb24.sig")]
    public void UnverifiedReader_NoStringClaim_ReturnsNull(string? token) =>
        Assert.Null(UnverifiedManagementTokenReader.ReadScopedUserPoolId(token));

    [Fact]
    public void UnverifiedReader_CleanPayload_ReadsClaimWithoutVerifying() =>
        Assert.Equal("p1", UnverifiedManagementTokenReader.ReadScopedUserPoolId("e30.eyJzY29wZWRfdXNlcnBvb2xfaWQiOiJwMSJ9.forged"));
}
