using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Notifications;

/// <summary>
/// The whole path: create-users-batch with sendNotification and autoGeneratePassword → outbox rows in the batch's
/// transaction → the dispatcher, woken by the commit rather than its (here: one minute) poll → an e-mail and an
/// SMS whose password verifies against the stored hash.
/// </summary>
[Collection(WakeUpCollection.Name)]
public sealed class AccountCreationNotificationTests(SlowPollingNotificationsFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreatedUsers_AreNotifiedPromptly_WithTheirGeneratedPasswordAndLoginUrl()
    {
        using var client = api.CreateSignedClient();
        client.Lang = "en-US";
        var started = DateTimeOffset.UtcNow;

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new[] { new { email = "welcome@example.com", phone = "13700000001", name = "Ada" } },
            options = new
            {
                autoGeneratePassword = true,
                sendNotification = new { sendEmailNotification = true, sendPhoneNotification = true, appId = NotificationsApiFactory.AppId },
            },
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        var mail = await api.Smtp.WaitForMailToAsync("welcome@example.com", TimeSpan.FromSeconds(20));
        Assert.True(mail.ReceivedAt - started < TimeSpan.FromSeconds(20), "the dispatcher was not woken by the commit");
        Assert.Contains(NotificationsApiFactory.AppLoginUrl, mail.Message.TextBody);
        var password = Regex.Match(mail.Message.TextBody!, @"^Password: (\S+)\r?$", RegexOptions.Multiline).Groups[1].Value;
        await using var db = api.CreateDbContext();
        var hash = await db.Accounts.Select(a => a.PasswordHash).SingleAsync();
        Assert.True(BCrypt.Net.BCrypt.Verify(password, hash));
        Assert.DoesNotContain(password, envelope.ToJsonString());
        var sms = await api.SmsGateway.WaitForCallAsync("13700000001");
        Assert.Equal("+86", (string)sms.Json["phoneCountryCode"]!);
    }
}

/// <summary>A poll interval of a minute: anything delivered within seconds was delivered because of the wake-up.</summary>
public sealed class SlowPollingNotificationsFactory : NotificationsApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Notifications:PollInterval"] = "00:01:00" };
}

[CollectionDefinition(Name)]
public sealed class WakeUpCollection : ICollectionFixture<SlowPollingNotificationsFactory>
{
    public const string Name = "notifications-wake-up";
}
