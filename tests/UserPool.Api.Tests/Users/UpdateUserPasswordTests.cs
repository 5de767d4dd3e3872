using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Accounts;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Users;

[Collection(AccountsCollection.Name)]
public sealed class UpdateUserPasswordTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UpdateUser_WithAPassword_HashesIt_MovesPasswordLastSetAt_AndNeverAnswersIt()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "p", password = "old-password" }))[0];
        await using var before = api.CreateDbContext();
        var created = await before.Accounts.AsNoTracking().SingleAsync();

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = id, password = "new-password" });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.DoesNotContain("new-password", envelope.ToJsonString());
        Assert.DoesNotContain("$2", envelope.ToJsonString());
        await using var db = api.CreateDbContext();
        var stored = await db.Accounts.SingleAsync();
        Assert.True(BCrypt.Net.BCrypt.Verify("new-password", stored.PasswordHash));
        Assert.True(stored.PasswordLastSetAt > created.PasswordLastSetAt);
        Assert.Equal(created.ResetPasswordOnNextLogin, stored.ResetPasswordOnNextLogin);
    }

    [Fact]
    public async Task UpdateUser_WithoutAPassword_LeavesTheHashAndPasswordLastSetAtAlone()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "p", password = "old-password" }))[0];
        await using var before = api.CreateDbContext();
        var created = await before.Accounts.AsNoTracking().SingleAsync();

        Assert.Equal(200, (int)(await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = id, name = "n", password = "" }))["statusCode"]!);

        await using var db = api.CreateDbContext();
        var stored = await db.Accounts.SingleAsync();
        Assert.Equal(created.PasswordHash, stored.PasswordHash);
        Assert.Equal(created.PasswordLastSetAt, stored.PasswordLastSetAt);
    }

    [Fact]
    public async Task UpdateUser_ResetPasswordOnNextLogin_IsSetAndCleared_OnlyWhenSent()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "r" }))[0];

        await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = id, options = new { resetPasswordOnNextLogin = true } });
        await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = id, name = "still set" });
        await using (var db = api.CreateDbContext())
        {
            Assert.True((await db.Accounts.SingleAsync()).ResetPasswordOnNextLogin);
        }

        await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = id, options = new { resetPasswordOnFirstLogin = false } });
        await using (var db = api.CreateDbContext())
        {
            Assert.False((await db.Accounts.SingleAsync()).ResetPasswordOnNextLogin);
        }
    }

    [Fact]
    public async Task UpdateUser_WithARsaEncryptedPassword_DecryptsAndHashesIt()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "rsa" }))[0];
        var (publicKey, _) = await Passwords.SystemInfo.PublishedKeysAsync(api);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(publicKey);
        var encrypted = Convert.ToBase64String(rsa.Encrypt("via-rsa-1"u8.ToArray(), RSAEncryptionPadding.Pkcs1));

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user",
            new { userId = id, password = encrypted, options = new { passwordEncryptType = "rsa" } });
        var broken = await client.PostEnvelopeAsync("/api/v3/update-user",
            new { userId = id, password = "AAAA" + encrypted[4..], options = new { passwordEncryptType = "rsa" } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal(400, (int)broken["statusCode"]!);
        Assert.Equal("decryption_failed", (string)UpdateCalls.SingleError(broken)["code"]!);
        await using var db = api.CreateDbContext();
        Assert.True(BCrypt.Net.BCrypt.Verify("via-rsa-1", (await db.Accounts.SingleAsync()).PasswordHash));
    }

    [Fact]
    public async Task UpdateUser_WithAnUnacceptablePassword_IsRefused()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "long" }))[0];

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = id, password = new string('a', 73) });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("password", (string)UpdateCalls.SingleError(envelope)["field"]!);
    }

    [Fact]
    public async Task UpdateUserBatch_AutoGeneratePassword_WithNotification_QueuesThePasswordProtected()
    {
        using var client = api.CreateSignedClient();
        client.Lang = "en-US";
        var ids = await UpdateCalls.CreateUsersAsync(client, new { email = "gen@example.com", phone = "13900000001" }, new { username = "untouched" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user-batch", new
        {
            list = new[] { new { userId = ids[0] } },
            options = new
            {
                autoGeneratePassword = true,
                sendPasswordResetedNotification = new { sendDefaultEmailNotification = true, sendDefaultPhoneNotification = true, appId = "app1" },
            },
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        var messages = await db.NotificationOutbox.OrderBy(m => m.Channel).ToListAsync();
        Assert.Equal(["email", "sms"], messages.Select(m => m.Channel));
        Assert.All(messages, m => Assert.Equal("password_changed_with_password", m.Template));
        var protector = (UserPool.Api.Security.SecretProtector)api.Services.GetService(typeof(UserPool.Api.Security.SecretProtector))!;
        var password = protector.Unprotect(messages[0].ProtectedPassword!);
        Assert.DoesNotContain(password, envelope.ToJsonString());
        Assert.True(BCrypt.Net.BCrypt.Verify(password, (await db.Accounts.SingleAsync(a => a.Id == ids[0])).PasswordHash));
        Assert.Null((await db.Accounts.SingleAsync(a => a.Id == ids[1])).PasswordHash);
    }

    [Fact]
    public async Task UpdateUser_NotificationWithoutAPasswordChange_QueuesNothing_AndCustomTargetsAreRefused()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { email = "quiet@example.com" }))[0];

        var quiet = await client.PostEnvelopeAsync("/api/v3/update-user",
            new { userId = id, name = "n", options = new { sendPasswordResetedNotification = new { sendDefaultEmailNotification = true } } });
        var custom = await client.PostEnvelopeAsync("/api/v3/update-user",
            new { userId = id, password = "x-secret-1", options = new { sendPasswordResetedNotification = new { inputSendEmailNotification = "other@example.com" } } });

        Assert.Equal(200, (int)quiet["statusCode"]!);
        Assert.Equal(400, (int)custom["statusCode"]!);
        Assert.Equal("options.sendPasswordResetedNotification.inputSendEmailNotification", (string)UpdateCalls.SingleError(custom)["field"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(0, await db.NotificationOutbox.CountAsync());
    }
}
