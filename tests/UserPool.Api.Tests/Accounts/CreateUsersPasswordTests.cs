using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class CreateUsersPasswordTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task PlaintextPassword_IsStoredAsABcryptHashThatVerifies_AndNeverAnswered()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { new { username = "pw", password = "p@ss=w&rd 中文" } } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.DoesNotContain("p@ss=w&rd", envelope.ToJsonString());
        var account = await SingleAccountAsync();
        Assert.StartsWith("$2", account.PasswordHash);
        Assert.True(BCrypt.Net.BCrypt.Verify("p@ss=w&rd 中文", account.PasswordHash));
        Assert.Equal("bcrypt", account.PasswordAlgorithm);
        Assert.NotNull(account.PasswordLastSetAt);
        Assert.DoesNotContain(account.PasswordHash!, envelope.ToJsonString());
    }

    // Issue 14 changed the recorded names (argon2 -> argon2id, sha -> sha1: the variant a verifier needs), made the
    // Django value a real one (the old "…$salt$hash" claims Django's format without its 32-byte key and is refused
    // now), and a bare hex digest sent with a separate salt is unknown (where the salt goes is not said).
    [Theory]
    [InlineData("$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", "s@lt", "bcrypt")]
    [InlineData("$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$YWJjZGVmZ2hpamtsbW5vcA", "s@lt", "argon2id")]
    [InlineData("pbkdf2_sha256$870000$Zm9vYmFyYmF6$XYgH68RAHrZm633fxXWbHR6GVM5GQzWj+rS42YHcnrk=", "s@lt", "pbkdf2-sha256")]
    [InlineData("5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8", null, "sha1")]
    [InlineData("5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8", "s@lt", "unknown")]
    [InlineData("5f4dcc3b5aa765d61d8327deb882cf99", null, "md5")]
    [InlineData("opaque-legacy-value", "s@lt", "unknown")]
    public async Task KeepPassword_StoresTheValueVerbatimWithSaltAndRecognisedFormat(string hash, string? salt, string algorithm)
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { new { username = "legacy", password = hash, salt } }, options = new { keepPassword = true } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        var account = await SingleAccountAsync();
        Assert.Equal(hash, account.PasswordHash);
        Assert.Equal(salt, account.PasswordSalt);
        Assert.Equal(algorithm, account.PasswordAlgorithm);
    }

    [Fact]
    public async Task AutoGeneratePassword_StoresAHashOfAStrongPasswordThatIsNeverAnswered()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { new { email = "gen@example.com" } }, options = new { autoGeneratePassword = true, resetPasswordOnFirstLogin = true } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.True((bool)envelope["data"]![0]!["resetPasswordOnNextLogin"]!);
        var account = await SingleAccountAsync();
        Assert.StartsWith("$2", account.PasswordHash);
        Assert.True(account.ResetPasswordOnNextLogin);
    }

    [Fact]
    public async Task PasswordLongerThan72Bytes_IsRefusedRatherThanSilentlyCut()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { new { username = "long", password = new string('密', 25) } } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("list[0].password", (string)envelope["errors"]![0]!["field"]!);
        Assert.Equal("too_long", (string)envelope["errors"]![0]!["code"]!);
    }

    [Fact]
    public async Task SeedForm_PerItemResetFlagAndEncryptTypeNone_AreHonoured()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { new { username = "seed", password = "secret1", passwordEncryptType = "none", resetPasswordOnFisrtLogin = true } } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        var account = await SingleAccountAsync();
        Assert.True(account.ResetPasswordOnNextLogin);
        Assert.True(BCrypt.Net.BCrypt.Verify("secret1", account.PasswordHash));
    }

    [Fact]
    public async Task SendNotification_WritesOutboxRowsInTheSameTransaction_WithTheGeneratedPasswordProtected()
    {
        using var client = api.CreateSignedClient();
        client.Lang = "en-US";

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new[] { new { email = "n@example.com", phone = "13900000000" } },
            options = new { autoGeneratePassword = true, sendNotification = new { sendEmailNotification = true, sendPhoneNotification = true, appId = "app1" } },
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        var messages = await db.NotificationOutbox.OrderBy(m => m.Channel).ToListAsync();
        Assert.Equal(["email", "sms"], messages.Select(m => m.Channel));
        Assert.All(messages, m =>
        {
            Assert.Equal("account_created_with_password", m.Template);
            Assert.Equal("en-US", m.Lang);
            Assert.Equal("app1", m.AppId);
            Assert.NotNull(m.ProtectedPassword);
        });
        Assert.Equal("n@example.com", messages[0].Recipient);
        Assert.Equal("13900000000", messages[1].Recipient);
        Assert.Equal("+86", messages[1].PhoneCountryCode);
        var protector = api.Services.GetService(typeof(UserPool.Api.Security.SecretProtector)) as UserPool.Api.Security.SecretProtector;
        var password = protector!.Unprotect(messages[0].ProtectedPassword!);
        Assert.True(BCrypt.Net.BCrypt.Verify(password, (await db.Accounts.SingleAsync()).PasswordHash));
    }

    [Fact]
    public async Task SendNotification_WhenTheBatchFails_WritesNoOutboxRow()
    {
        using var client = api.CreateSignedClient();

        await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new object[] { new { email = "ok@example.com" }, new { email = "bad" } },
            options = new { sendNotification = new { sendEmailNotification = true } },
        });

        await using var db = api.CreateDbContext();
        Assert.Equal(0, await db.NotificationOutbox.CountAsync());
    }

    private async Task<UserPool.Api.Data.Entities.Account> SingleAccountAsync()
    {
        await using var db = api.CreateDbContext();
        return await db.Accounts.SingleAsync();
    }
}
