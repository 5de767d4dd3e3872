using System.Text.RegularExpressions;
using UserPool.Api.Notifications;
using static UserPool.Api.Tests.Notifications.NotificationsApiFactory;

namespace UserPool.Api.Tests.Notifications;

[Collection(NotificationsCollection.Name)]
public sealed class EmailNotificationTests(NotificationsApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("en-US", "Your account has been created", "Password: ", "Hello Ada Lovelace,")]
    [InlineData("zh-CN", "您的账号已创建", "初始密码：", "Ada Lovelace，您好：")]
    public async Task GeneratedPasswordEmail_InTheRowsLanguage_CarriesAPasswordThatVerifiesAgainstTheStoredHash(
        string lang, string subject, string passwordLabel, string greeting)
    {
        var seeded = await OutboxSeed.AddAsync(api, lang: lang, password: OutboxSeed.NewPassword());

        var mail = await api.Smtp.WaitForMailToAsync(seeded.Recipient);

        Assert.Equal([seeded.Recipient], mail.Recipients);
        Assert.Equal(seeded.Recipient, mail.Message.To.Mailboxes.Single().Address);
        Assert.Equal("no-reply@userpool.test", mail.Message.From.Mailboxes.Single().Address);
        Assert.Equal(subject, mail.Message.Subject);
        Assert.StartsWith(greeting, mail.Message.TextBody);
        var password = Regex.Match(mail.Message.TextBody ?? "", $@"^{Regex.Escape(passwordLabel)}(\S+)\r?$", RegexOptions.Multiline).Groups[1].Value;
        Assert.True(BCrypt.Net.BCrypt.Verify(password, seeded.PasswordHash), "the mailed password does not match the account's hash");
    }

    [Fact]
    public async Task Email_OnceSent_IsRecordedSentAndItsProtectedPasswordErased()
    {
        var seeded = await OutboxSeed.AddAsync(api, password: OutboxSeed.NewPassword());

        await api.Smtp.WaitForMailToAsync(seeded.Recipient);
        var row = await api.WaitForStatusAsync(seeded.Id, OutboxNames.Sent);

        Assert.Null(row.ProtectedPassword);
        Assert.NotNull(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LastError);
    }

    [Fact]
    public async Task Email_ForAnAppWithItsOwnLoginUrl_LinksThatUrl()
    {
        var seeded = await OutboxSeed.AddAsync(api, appId: AppId);

        var body = (await api.Smtp.WaitForMailToAsync(seeded.Recipient)).Message.TextBody;

        Assert.Contains($"Sign in at: {AppLoginUrl}", body);
        Assert.DoesNotContain(DefaultLoginUrl, body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("an-app-without-a-url")]
    public async Task Email_WithoutAnAppLoginUrl_LinksTheDefaultLoginUrl(string? appId)
    {
        var seeded = await OutboxSeed.AddAsync(api, lang: "zh-CN", appId: appId);

        var body = (await api.Smtp.WaitForMailToAsync(seeded.Recipient)).Message.TextBody;

        Assert.Contains($"登录地址：{DefaultLoginUrl}", body);
    }

    [Fact]
    public async Task AccountCreatedEmail_WithoutAGeneratedPassword_MentionsNoPassword()
    {
        var seeded = await OutboxSeed.AddAsync(api, lang: "zh-CN");

        var mail = await api.Smtp.WaitForMailToAsync(seeded.Recipient);

        Assert.Equal("您的账号已创建", mail.Message.Subject);
        Assert.Contains($"账号：{seeded.Recipient}", mail.Message.TextBody);
        Assert.DoesNotContain("密码", mail.Message.TextBody);
    }

    [Fact]
    public async Task Email_ForAnAccountWithoutAName_GreetsTheAddress()
    {
        var seeded = await OutboxSeed.AddAsync(api, name: null);

        var mail = await api.Smtp.WaitForMailToAsync(seeded.Recipient);

        Assert.StartsWith($"Hello {seeded.Recipient},", mail.Message.TextBody);
    }
}
