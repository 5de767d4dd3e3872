using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserPool.Api.Passwords.Transport;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Passwords;

namespace UserPool.Api.Tests.Accounts;

/// <summary>passwordEncryptType rsa and sm2 against the keys /api/v3/system publishes (issue 6).</summary>
[Collection(AccountsCollection.Name)]
public sealed class EncryptedPasswordTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SystemEndpoint_WithoutAuthentication_PublishesBothKeysBareAndInData()
    {
        var system = await SystemInfo.ReadAsync(api);

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", (string)system["rsa"]!["publicKey"]!);
        Assert.Matches("^04[0-9a-f]{128}$", (string)system["sm2"]!["publicKey"]!);
        Assert.NotNull(system["version"]!["server"]);
        Assert.NotNull(system["publicIps"]!.AsArray());
        Assert.Equal((string)system["rsa"]!["publicKey"]!, (string)system["data"]!["rsa"]!["publicKey"]!);
        Assert.False(system["data"]!.AsObject().ContainsKey("data"));
        using var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportFromPem((string)system["rsa"]!["publicKey"]!);
        Assert.Equal(1024, rsa.KeySize);
    }

    [Theory]
    [InlineData("rsa", false)]
    [InlineData("rsa", true)]
    [InlineData("sm2", false)]
    [InlineData("sm2", true)]
    public async Task EncryptedPasswords_AreDecryptedThenHashed_InOptionsOrPerItem(string type, bool perItem)
    {
        using var client = api.CreateSignedClient();
        var keys = await SystemInfo.PublishedKeysAsync(api);
        var passwords = new[] { "passw0rd", "密码🙂x", new string('a', 72) };
        var list = passwords.Select((p, i) => perItem
            ? (object)new { username = $"u{i}", password = Encrypt(type, keys, p), passwordEncryptType = type }
            : new { username = $"u{i}", password = Encrypt(type, keys, p) }).ToList();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list, options = perItem ? null : new { passwordEncryptType = type } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        for (var i = 0; i < passwords.Length; i++)
        {
            var hash = await db.Accounts.Where(a => a.Username == $"u{i}").Select(a => a.PasswordHash).SingleAsync();
            Assert.True(BCrypt.Net.BCrypt.Verify(passwords[i], hash), $"{type} #{i}");
        }
    }

    [Fact]
    public async Task EncryptedPassword_WithKeepPassword_KeepsTheDecryptedValueVerbatim()
    {
        using var client = api.CreateSignedClient();
        var keys = await SystemInfo.PublishedKeysAsync(api);
        const string legacyHash = "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-public-accounts-batch", new
        {
            list = new[] { new { username = "kept", password = "sm2:" + AuthingClientImitation.Sm2EncryptLikeSmCrypto(keys.Sm2, legacyHash) } },
            options = new { keepPassword = true, passwordEncryptType = "sm2" },
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(legacyHash, (await db.Accounts.SingleAsync()).PasswordHash);
    }

    [Theory]
    [InlineData("rsa")]
    [InlineData("sm2")]
    public async Task UndecryptableCiphertext_IsAPerItemErrorThatRevealsNothing_AndNothingIsWritten(string type)
    {
        using var client = api.CreateSignedClient();
        var keys = await SystemInfo.PublishedKeysAsync(api);
        var tampered = Tamper(Encrypt(type, keys, "secret"), type);
        var list = new object[] { new { username = "ok0", password = Encrypt(type, keys, "fine") }, SampleUsers.Full(), new { username = "ok2" }, new { username = "bad", password = tampered } };

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list, options = new { passwordEncryptType = type } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var error = Assert.Single(envelope["errors"]!.AsArray())!;
        Assert.Equal("list[3].password", (string)error["field"]!);
        Assert.Equal("decryption_failed", (string)error["code"]!);
        Assert.DoesNotContain("padding", envelope.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        await using var db = api.CreateDbContext();
        Assert.Equal(0, await db.Accounts.CountAsync());
    }

    [Fact]
    public async Task RotatedKeys_KeepDecryptingOldCiphertextsDuringTheGracePeriod()
    {
        using var client = api.CreateSignedClient();
        var before = await SystemInfo.PublishedKeysAsync(api);
        var oldCiphertext = Encrypt("rsa", before, "still-works");
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TransportKeyStore>().RotateAsync(CancellationToken.None);
        }

        await api.Services.GetRequiredService<PasswordTransport>().RefreshAsync(CancellationToken.None);
        var after = await SystemInfo.PublishedKeysAsync(api);

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new[] { new { username = "old", password = oldCiphertext }, new { username = "new", password = Encrypt("rsa", after, "new-key") } },
            options = new { passwordEncryptType = "rsa" },
        });

        Assert.NotEqual(before.Rsa, after.Rsa);
        Assert.NotEqual(before.Sm2, after.Sm2);
        Assert.Equal(200, (int)envelope["statusCode"]!);
    }

    private static string Encrypt(string type, (string Rsa, string Sm2) keys, string password) => type == "rsa"
        ? AuthingClientImitation.RsaEncryptLikeNode(keys.Rsa, password)
        : AuthingClientImitation.Sm2EncryptLikeSmCrypto(keys.Sm2, password);

    private static string Tamper(string ciphertext, string type)
    {
        if (type == "sm2")
        {
            var last = ciphertext[^1] == '0' ? '1' : '0';
            return ciphertext[..^1] + last;
        }

        var bytes = Convert.FromBase64String(ciphertext);
        bytes[^1] ^= 0x01;
        return Convert.ToBase64String(bytes);
    }
}
