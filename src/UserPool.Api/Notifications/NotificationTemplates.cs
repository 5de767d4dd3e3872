using UserPool.Api.Infrastructure;

namespace UserPool.Api.Notifications;

/// <summary>The text of a notification: an e-mail's subject and body, and the short text of an SMS.</summary>
public sealed record RenderedNotification(string Subject, string Body, string ShortText)
{
    public override string ToString() => Subject; // the body may hold a password
}

/// <summary>
/// "Account created" and "account created with a generated password" (and the same two for a password an
/// administrator changed), in Chinese (the default) and
/// English. Plain text: mail clients turn the login address into a link. The SMS text ends with the
/// address, without a full stop that a phone could take into the link.
/// </summary>
public static class NotificationTemplates
{
    private sealed record Texts(
        string Subject, Func<string, string> Greeting, string Created, string Account, string Password, string LoginUrl,
        string ChangePassword, string Ignore, Func<string, string> SmsCreated, string SmsPassword, string SmsLoginUrl);

    private static readonly Texts English = new(
        "Your account has been created", name => $"Hello {name},", "An account has been created for you.",
        "Account: ", "Password: ", "Sign in at: ",
        "This password was generated for you; please change it after you sign in.",
        "If you did not expect this message, you can ignore it.",
        account => $"Your account {account} has been created", ". Password: ", ". Sign in at ");

    private static readonly Texts Chinese = new(
        "您的账号已创建", name => $"{name}，您好：", "我们已为您创建了账号。",
        "账号：", "初始密码：", "登录地址：",
        "该密码由系统生成，请在登录后尽快修改。",
        "如果这不是您预期的邮件，请忽略。",
        account => $"您的账号{account}已创建", "，初始密码：", "，登录地址：");

    private static readonly Texts EnglishPasswordChanged = English with
    {
        Subject = "Your password has been changed", Created = "The password of your account has been changed by an administrator.",
        Password = "New password: ", SmsCreated = account => $"The password of your account {account} has been changed",
        SmsPassword = ". New password: ",
    };

    private static readonly Texts ChinesePasswordChanged = Chinese with
    {
        Subject = "您的密码已重置", Created = "管理员已重置您账号的密码。", Password = "新密码：",
        SmsCreated = account => $"您的账号{account}的密码已重置", SmsPassword = "，新密码：",
    };

    public static bool IsKnown(string template) =>
        template is OutboxNames.AccountCreated or OutboxNames.AccountCreatedWithPassword
            or OutboxNames.PasswordChanged or OutboxNames.PasswordChangedWithPassword;

    public static bool NeedsPassword(string template) =>
        template is OutboxNames.AccountCreatedWithPassword or OutboxNames.PasswordChangedWithPassword;

    public static RenderedNotification Render(Notification n)
    {
        if (!IsKnown(n.Template))
        {
            throw new ArgumentException($"Unknown notification template '{n.Template}'", nameof(n));
        }

        var english = RequestLanguage.Normalize(n.Lang) == RequestLanguage.English;
        var t = n.Template is OutboxNames.PasswordChanged or OutboxNames.PasswordChangedWithPassword
            ? english ? EnglishPasswordChanged : ChinesePasswordChanged
            : english ? English : Chinese;
        var password = NeedsPassword(n.Template) ? n.Password : null;
        var body = new List<string> { t.Greeting(n.DisplayName ?? n.Recipient), "", t.Created, "", t.Account + n.Recipient };
        var sms = t.SmsCreated(n.Recipient);
        if (password is not null)
        {
            body.Add(t.Password + password);
            sms += t.SmsPassword + password;
        }

        if (n.LoginUrl is not null)
        {
            body.Add(t.LoginUrl + n.LoginUrl);
            sms += t.SmsLoginUrl + n.LoginUrl;
        }

        body.Add("");
        if (password is not null)
        {
            body.Add(t.ChangePassword);
        }

        body.Add(t.Ignore);
        return new(t.Subject, string.Join("\r\n", body) + "\r\n", sms);
    }
}
