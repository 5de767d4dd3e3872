using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using UserPool.Api.Security.Tokens;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Security;

public sealed class ManagementTokenTests
{
    private const string PoolId = "62a8a0f6e07d3f4fa8cbe2a1";
    private const string AccessKeyId = "6a0b1c2d3e4f5a6b7c8d9e0f";
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("per-access-key-secret-0123456789");
    private static readonly DateTimeOffset Now = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    private readonly MovableClock _clock = new(Now);

    private IssuedManagementToken Issue(string poolId = PoolId) =>
        new ManagementTokenIssuer(_clock).Issue(poolId, AccessKeyId, Secret, TwoHours);

    private Task<ManagementTokenValidation> Validate(string? token, byte[]? secret = null) =>
        new ManagementTokenValidator(_clock).ValidateAsync(
            token, (kid, _) => ValueTask.FromResult(kid == AccessKeyId ? secret ?? Secret : null));

    [Fact]
    public async Task Issue_ThenValidate_ReturnsPoolIdAndAccessKeyId()
    {
        var issued = Issue();

        var validation = await Validate(issued.AccessToken);

        Assert.True(validation.Succeeded);
        Assert.Equal(PoolId, validation.UserPoolId);
        Assert.Equal(AccessKeyId, validation.AccessKeyId);
        Assert.Equal(7200, issued.ExpiresInSeconds);
    }

    [Fact]
    public void Issue_Token_HasKidHs256AndExactlyTheContractClaims()
    {
        var issued = Issue();
        var token = new JsonWebToken(issued.AccessToken);
        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(issued.AccessToken.Split('.')[1]));

        Assert.Equal("HS256", token.Alg);
        Assert.Equal(AccessKeyId, token.Kid);
        Assert.Equal(["exp", "iat", "iss", "jti", "scoped_userpool_id"], payload.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("userpool", token.Issuer);
        Assert.Equal(Now.ToUnixTimeSeconds(), payload.RootElement.GetProperty("iat").GetInt64());
        Assert.Equal(Now.Add(TwoHours).ToUnixTimeSeconds(), payload.RootElement.GetProperty("exp").GetInt64());
        Assert.Equal(issued.TokenId, token.Id);
        Assert.Equal(PoolId, payload.RootElement.GetProperty("scoped_userpool_id").GetString());
    }

    [Fact]
    public async Task Validate_PastExpiryWithinClockSkew_IsAccepted()
    {
        var token = Issue().AccessToken;
        _clock.Now = Now + TwoHours + ManagementTokenValidator.ClockSkew;

        Assert.True((await Validate(token)).Succeeded);
    }

    [Fact]
    public async Task Validate_ExpiredToken_IsRefusedAsExpired()
    {
        var token = Issue().AccessToken;
        _clock.Now = Now + TwoHours + ManagementTokenValidator.ClockSkew + TimeSpan.FromSeconds(1);

        Assert.Equal(ManagementTokenFailure.Expired, (await Validate(token)).Failure);
    }

    [Fact]
    public async Task Validate_TokenSignedWithAnotherSecret_IsInvalid()
    {
        var token = Issue().AccessToken;

        Assert.Equal(ManagementTokenFailure.Invalid, (await Validate(token, "another-secret"u8.ToArray())).Failure);
    }

    [Fact]
    public async Task Validate_ExpiredTokenSignedWithAnotherSecret_IsInvalidNotExpired()
    {
        var token = Issue().AccessToken;
        _clock.Now = Now.AddDays(1);

        Assert.Equal(ManagementTokenFailure.Invalid, (await Validate(token, "another-secret"u8.ToArray())).Failure);
    }

    [Fact]
    public async Task Validate_TokenIssuedInTheFuture_IsInvalid()
    {
        var token = Issue().AccessToken;
        _clock.Now = Now.AddMinutes(-5);

        Assert.Equal(ManagementTokenFailure.Invalid, (await Validate(token)).Failure);
    }

    [Fact]
    public async Task Validate_UnknownAccessKey_IsInvalid()
    {
        var token = new ManagementTokenIssuer(_clock).Issue(PoolId, "other-key", Secret, TwoHours).AccessToken;

        Assert.Equal(ManagementTokenFailure.Invalid, (await Validate(token)).Failure);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30")]
    public async Task Validate_Garbage_IsInvalid(string? token) =>
        Assert.Equal(ManagementTokenFailure.Invalid, (await Validate(token)).Failure);
}
