using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using UserPool.Api.Security.Tokens;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Security;

/// <summary>Tokens an attacker could build must all be refused.</summary>
public sealed class ManagementTokenForgeryTests
{
    private const string AccessKeyId = "ak";
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("per-access-key-secret-0123456789");
    private static readonly DateTimeOffset Now = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static string Forge(SigningCredentials credentials, string issuer = "userpool") =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            IssuedAt = Now.UtcDateTime,
            Expires = Now.AddHours(1).UtcDateTime,
            Claims = new Dictionary<string, object> { ["scoped_userpool_id"] = "pool" },
            SigningCredentials = credentials,
        });

    private static SigningCredentials Signed(string algorithm, byte[]? rawKey = null) => new(
        rawKey is null
            ? ManagementTokenFormat.DeriveSigningKey(Secret, AccessKeyId)
            : new SymmetricSecurityKey(rawKey) { KeyId = AccessKeyId },
        algorithm);

    private static async Task<ManagementTokenFailure> ValidateAsync(string token) =>
        (await new ManagementTokenValidator(new MovableClock(Now))
            .ValidateAsync(token, (_, _) => ValueTask.FromResult<byte[]?>(Secret))).Failure;

    [Fact]
    public async Task Validate_TokenWithTheRightDerivedKey_IsAccepted_SoTheOtherCasesAreMeaningful() =>
        Assert.Equal(ManagementTokenFailure.None, await ValidateAsync(Forge(Signed(SecurityAlgorithms.HmacSha256))));

    [Fact]
    public async Task Validate_GenuineClaimsReheaderedAsAlgNone_IsInvalid()
    {
        var genuine = Forge(Signed(SecurityAlgorithms.HmacSha256)).Split('.');
        var noneHeader = Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, string> { ["alg"] = "none", ["kid"] = AccessKeyId, ["typ"] = "JWT" }));

        Assert.Equal(ManagementTokenFailure.Invalid, await ValidateAsync($"{noneHeader}.{genuine[1]}."));
        Assert.Equal(ManagementTokenFailure.Invalid, await ValidateAsync($"{noneHeader}.{genuine[1]}.{genuine[2]}"));
    }

    [Fact]
    public async Task Validate_SignedWithTheRawSecretInsteadOfTheDerivedKey_IsInvalid() =>
        Assert.Equal(ManagementTokenFailure.Invalid, await ValidateAsync(Forge(Signed(SecurityAlgorithms.HmacSha256, Secret))));

    [Fact]
    public async Task Validate_OtherHmacAlgorithmWithTheSameSecret_IsInvalid()
    {
        // HS512 needs a 512-bit key, so the forger signs with a longer key; the validator must refuse the alg outright.
        var token = Forge(Signed(SecurityAlgorithms.HmacSha512, [.. Secret, .. Secret]));

        Assert.Equal(ManagementTokenFailure.Invalid, await ValidateAsync(token));
    }

    [Fact]
    public async Task Validate_WrongIssuer_IsInvalid() =>
        Assert.Equal(ManagementTokenFailure.Invalid, await ValidateAsync(Forge(Signed(SecurityAlgorithms.HmacSha256), issuer: "someone-else")));
}
