using Microsoft.EntityFrameworkCore;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Passwords;

namespace UserPool.Api.Tests.Accounts;

/// <summary>
/// A password that arrives RSA- or SM2-encrypted obeys, once decrypted, exactly the rules of one sent in plaintext;
/// with keepPassword it must decrypt to a hash of a known format (issue 14, point 5).
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class EncryptedPasswordRulesTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private const string LegacyBcrypt = "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("rsa", "", "invalid_value")]
    // sm-crypto's ciphertext of an empty string (C1‖C3, no C2) does not decrypt with BouncyCastle: with no C2 its key
    // derivation leaves x2‖y2 in the digest, so C3 never matches. Refused either way; only the code differs.
    [InlineData("sm2", "", "decryption_failed")]
    [InlineData("rsa", "pass\0word", "invalid_text")]
    [InlineData("sm2", "pass\0word", "invalid_text")]
    [InlineData("rsa", "pass\u001bword", "invalid_text")]
    [InlineData("sm2", "pass\u001bword", "invalid_text")]
    [InlineData("rsa", "line\nbreak", "invalid_text")]
    [InlineData("sm2", "c1\u0085control", "invalid_text")]
    [InlineData("rsa", "73-bytes-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "too_long")]
    [InlineData("sm2", "73-bytes-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "too_long")]
    public async Task DecryptedPlaintext_BreakingAPlaintextRule_IsRefusedAsPlaintextWouldBe_AndNothingIsWritten(string type, string password, string code)
    {
        using var client = api.CreateSignedClient();
        var keys = await SystemInfo.PublishedKeysAsync(api);

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new[] { new { username = "ok", password = Encrypt(type, keys, "fine-password") }, new { username = "bad", password = Encrypt(type, keys, password) } },
            options = new { passwordEncryptType = type },
        });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var error = Assert.Single(envelope["errors"]!.AsArray())!;
        Assert.Equal("list[1].password", (string)error["field"]!);
        Assert.Equal(code, (string)error["code"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(0, await db.Accounts.CountAsync());
    }

    [Theory]
    [InlineData("pass\u001bword", "invalid_text")]
    [InlineData("73-bytes-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "too_long")]
    public async Task SamePlaintextSentUnencrypted_IsRefusedWithTheSameCode(string password, string code)
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = new[] { new { username = "bad", password } } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var error = Assert.Single(envelope["errors"]!.AsArray())!;
        Assert.Equal("list[0].password", (string)error["field"]!);
        Assert.Equal(code, (string)error["code"]!);
    }

    [Theory]
    [InlineData("rsa")]
    [InlineData("sm2")]
    public async Task KeepPassword_WithAnEncryptedPlaintext_IsRefused_NotStoredAsTheHash(string type)
    {
        using var client = api.CreateSignedClient();
        client.Lang = "en-US";
        var keys = await SystemInfo.PublishedKeysAsync(api);

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new[] { new { username = "mistake", password = Encrypt(type, keys, "my-plain-password") } },
            options = new { keepPassword = true, passwordEncryptType = type },
        });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var error = Assert.Single(envelope["errors"]!.AsArray())!;
        Assert.Equal("list[0].password", (string)error["field"]!);
        Assert.Equal("invalid_format", (string)error["code"]!);
        Assert.Contains("must be a password hash of a known format", (string)error["message"]!);
        Assert.DoesNotContain("my-plain-password", envelope.ToJsonString());
        await using var db = api.CreateDbContext();
        Assert.Equal(0, await db.Accounts.CountAsync());
    }

    [Theory]
    [InlineData("rsa", "")]
    [InlineData("sm2", "\u0000")]
    public async Task KeepPassword_WithAnEncryptedEmptyOrControlValue_IsRefused(string type, string value)
    {
        using var client = api.CreateSignedClient();
        var keys = await SystemInfo.PublishedKeysAsync(api);

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new[] { new { username = "empty", password = Encrypt(type, keys, value) } },
            options = new { keepPassword = true, passwordEncryptType = type },
        });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("invalid_format", (string)envelope["errors"]![0]!["code"]!);
    }

    [Fact]
    public async Task KeepPassword_WithAnRsaEncryptedHash_KeepsTheHashAndRecordsItsAlgorithm()
    {
        using var client = api.CreateSignedClient();
        var keys = await SystemInfo.PublishedKeysAsync(api);

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new[] { new { username = "kept", password = Encrypt("rsa", keys, LegacyBcrypt) } },
            options = new { keepPassword = true, passwordEncryptType = "rsa" },
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        var account = await db.Accounts.SingleAsync();
        Assert.Equal((LegacyBcrypt, "bcrypt"), (account.PasswordHash, account.PasswordAlgorithm));
    }

    [Fact]
    public async Task KeepPassword_WithAnRsaEncryptedHashThatDoesNotParse_IsRefusedNamingTheFormat()
    {
        using var client = api.CreateSignedClient();
        client.Lang = "en-US";
        var keys = await SystemInfo.PublishedKeysAsync(api);

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new[] { new { username = "kept", password = Encrypt("rsa", keys, "$2b$31$abcdefghijklmnopqrstuujDrcuJzEtYTnya86FjJ0RFLNsYk021m") } },
            options = new { keepPassword = true, passwordEncryptType = "rsa" },
        });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.StartsWith("Parameter password is not a valid bcrypt hash: the cost 31", (string)envelope["errors"]![0]!["message"]!);
    }

    private static string Encrypt(string type, (string Rsa, string Sm2) keys, string password) => type == "rsa"
        ? AuthingClientImitation.RsaEncryptLikeNode(keys.Rsa, password)
        : password.Length == 0 ? Sm2EncryptEmptyLikeSmCrypto(keys.Sm2) : AuthingClientImitation.Sm2EncryptLikeSmCrypto(keys.Sm2, password);

    /// <summary>
    /// sm-crypto encrypts an empty string to C1‖C3 with no C2; BouncyCastle's engine refuses to, so the empty case is
    /// built from its parts: C1 = kG, C3 = SM3(x2 ‖ y2) of kP (GB/T 32918.4 with an empty message).
    /// </summary>
    private static string Sm2EncryptEmptyLikeSmCrypto(string publicKeyHex)
    {
        var domain = new ECDomainParameters(CustomNamedCurves.GetByName("sm2p256v1"));
        var k = new BigInteger(domain.N.BitLength - 1, new SecureRandom()).Add(BigInteger.One);
        var c1 = domain.G.Multiply(k).Normalize();
        var shared = domain.Curve.DecodePoint(Convert.FromHexString(publicKeyHex)).Multiply(k).Normalize();
        var sm3 = new SM3Digest();
        byte[] coordinates = [.. shared.AffineXCoord.GetEncoded(), .. shared.AffineYCoord.GetEncoded()];
        sm3.BlockUpdate(coordinates, 0, coordinates.Length);
        var c3 = new byte[sm3.GetDigestSize()];
        sm3.DoFinal(c3, 0);
        return Convert.ToHexStringLower([.. c1.GetEncoded(false)[1..], .. c3]);
    }
}
