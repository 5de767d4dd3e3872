using UserPool.Api.Notifications;

namespace UserPool.Api.Tests.Notifications;

public sealed class NotificationTemplatesTests
{
    private static Notification Message(string template, string lang, string? password = null, string? loginUrl = "https://login.example.test/") => new()
    {
        Id = "0123456789abcdef01234567", UserPoolId = "pool", AccountId = "account", Channel = OutboxNames.Email,
        Template = template, Lang = lang, Recipient = "ada@example.test", DisplayName = "Ada", LoginUrl = loginUrl, Password = password,
    };

    [Theory]
    [InlineData("en-US", "Your account has been created")]
    [InlineData("zh-CN", "您的账号已创建")]
    [InlineData("fr-FR", "您的账号已创建")]
    public void Subject_FollowsTheLanguage_ChineseByDefault(string lang, string subject) =>
        Assert.Equal(subject, NotificationTemplates.Render(Message(OutboxNames.AccountCreated, lang)).Subject);

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public void PasswordTemplate_ShowsThePasswordAndTheLoginUrl_InBodyAndShortText(string lang)
    {
        var text = NotificationTemplates.Render(Message(OutboxNames.AccountCreatedWithPassword, lang, "S3cret-Pw"));

        Assert.Contains("S3cret-Pw", text.Body);
        Assert.Contains("https://login.example.test/", text.Body);
        Assert.Contains("S3cret-Pw", text.ShortText);
        Assert.EndsWith("https://login.example.test/", text.ShortText);
    }

    [Theory]
    [InlineData("en-US", "Your password has been changed", "New password: ")]
    [InlineData("zh-CN", "您的密码已重置", "新密码：")]
    public void PasswordChangedTemplates_SayThePasswordChanged_AndShowOnlyAGeneratedOne(string lang, string subject, string label)
    {
        var generated = NotificationTemplates.Render(Message(OutboxNames.PasswordChangedWithPassword, lang, "S3cret-Pw"));
        var plain = NotificationTemplates.Render(Message(OutboxNames.PasswordChanged, lang, "S3cret-Pw"));

        Assert.Equal(subject, generated.Subject);
        Assert.Contains(label + "S3cret-Pw", generated.Body);
        Assert.Contains("S3cret-Pw", generated.ShortText);
        Assert.Equal(subject, plain.Subject);
        Assert.DoesNotContain("S3cret-Pw", plain.Body + plain.ShortText);
    }

    [Fact]
    public void AccountCreatedTemplate_NeverShowsAPassword_EvenIfOneIsGiven()
    {
        var text = NotificationTemplates.Render(Message(OutboxNames.AccountCreated, "en-US", "S3cret-Pw"));

        Assert.DoesNotContain("S3cret-Pw", text.Body);
        Assert.DoesNotContain("Password", text.Body);
    }

    [Fact]
    public void WithoutALoginUrl_TheLineIsLeftOut()
    {
        var text = NotificationTemplates.Render(Message(OutboxNames.AccountCreated, "en-US", loginUrl: null));

        Assert.DoesNotContain("Sign in at", text.Body);
        Assert.Equal("Your account ada@example.test has been created", text.ShortText);
    }

    [Fact]
    public void RenderedTextAndNotification_DoNotShowThePasswordWhenPrinted()
    {
        var message = Message(OutboxNames.AccountCreatedWithPassword, "en-US", "S3cret-Pw");

        Assert.DoesNotContain("S3cret-Pw", message.ToString());
        Assert.DoesNotContain("S3cret-Pw", NotificationTemplates.Render(message).ToString());
        Assert.DoesNotContain("S3cret-Pw", SmsWebhookPayload.From(message).ToString());
    }

    [Fact]
    public void UnknownTemplate_IsRefused() =>
        Assert.Throws<ArgumentException>(() => NotificationTemplates.Render(Message("password_reset", "en-US")));
}
