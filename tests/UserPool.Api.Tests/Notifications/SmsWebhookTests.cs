using System.Security.Cryptography;
using System.Text;
using UserPool.Api.Notifications;
using static UserPool.Api.Tests.Notifications.NotificationsApiFactory;

namespace UserPool.Api.Tests.Notifications;

[Collection(NotificationsCollection.Name)]
public sealed class SmsWebhookTests(NotificationsApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sms_IsPostedAsJsonSignedWithTheSharedSecret()
    {
        var seeded = await OutboxSeed.AddAsync(api, OutboxNames.Sms, "zh-CN", AppId, OutboxSeed.NewPassword());

        var call = await api.SmsGateway.WaitForCallAsync(seeded.Recipient);

        Assert.Equal("POST", call.Method);
        Assert.Equal("/sms", call.Path);
        Assert.StartsWith("application/json", call.Headers["Content-Type"]);
        var timestamp = long.Parse(call.Headers["X-UserPool-Timestamp"]);
        Assert.InRange(timestamp, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        // Recomputed here by the documented recipe, not through the server's own helper.
        var signed = Encoding.UTF8.GetBytes($"{timestamp}.").Concat(call.Body).ToArray();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), signed));
        Assert.Equal(expected, call.Headers["X-UserPool-Signature"]);
        Assert.Equal(seeded.Id, call.Headers["X-UserPool-Message-Id"]);
    }

    [Fact]
    public async Task SmsBody_CarriesPhoneCountryCodeTemplateLangAndParams()
    {
        var seeded = await OutboxSeed.AddAsync(api, OutboxNames.Sms, "en-US", AppId, OutboxSeed.NewPassword());

        var json = (await api.SmsGateway.WaitForCallAsync(seeded.Recipient)).Json;

        Assert.Equal(seeded.Id, (string?)json["id"]);
        Assert.Equal(seeded.Recipient, (string?)json["phone"]);
        Assert.Equal("+86", (string?)json["phoneCountryCode"]);
        Assert.Equal(OutboxNames.AccountCreatedWithPassword, (string?)json["template"]);
        Assert.Equal("en-US", (string?)json["lang"]);
        var parameters = json["params"]!.AsObject();
        Assert.Equal("Ada Lovelace", (string?)parameters["name"]);
        Assert.Equal(seeded.Recipient, (string?)parameters["account"]);
        Assert.Equal(AppLoginUrl, (string?)parameters["loginUrl"]);
        var password = (string)parameters["password"]!;
        Assert.True(BCrypt.Net.BCrypt.Verify(password, seeded.PasswordHash));
        Assert.Equal($"Your account {seeded.Recipient} has been created. Password: {password}. Sign in at {AppLoginUrl}", (string?)json["text"]);
    }

    [Fact]
    public async Task Sms_OnceAccepted_IsRecordedSentAndItsProtectedPasswordErased()
    {
        var seeded = await OutboxSeed.AddAsync(api, OutboxNames.Sms, password: OutboxSeed.NewPassword());

        await api.SmsGateway.WaitForCallAsync(seeded.Recipient);
        var row = await api.WaitForStatusAsync(seeded.Id, OutboxNames.Sent);

        Assert.Null(row.ProtectedPassword);
        Assert.NotNull(row.SentAt);
    }

    [Fact]
    public async Task Sms_WithoutAGeneratedPassword_SendsNoPasswordParam()
    {
        var seeded = await OutboxSeed.AddAsync(api, OutboxNames.Sms, "zh-CN");

        var json = (await api.SmsGateway.WaitForCallAsync(seeded.Recipient)).Json;

        Assert.Equal(OutboxNames.AccountCreated, (string?)json["template"]);
        Assert.False(json["params"]!.AsObject().ContainsKey("password"));
        Assert.Equal($"您的账号{seeded.Recipient}已创建，登录地址：{DefaultLoginUrl}", (string?)json["text"]);
    }

    [Fact]
    public async Task Sms_WhenTheGatewayAnswers503_IsRetriedAndThenSent()
    {
        var phone = OutboxSeed.NewPhone();
        api.SmsGateway.Fail(phone, times: 1, status: 503);
        var seeded = await OutboxSeed.AddAsync(api, OutboxNames.Sms, recipient: phone);

        await api.SmsGateway.WaitForCallAsync(phone, count: 2);
        var row = await api.WaitForStatusAsync(seeded.Id, OutboxNames.Sent);

        Assert.Equal(2, row.Attempts);
        Assert.Equal("SMS webhook answered HTTP 503 Service Unavailable", row.LastError);
    }
}
