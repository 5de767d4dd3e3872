using System.Text;
using UserPool.Api.Notifications;

namespace UserPool.Api.Tests.Notifications;

public sealed class DeliveryRulesTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(8, 640)]
    [InlineData(20, 3600)]
    [InlineData(int.MaxValue, 3600)]
    public void Backoff_DoublesFromTheBaseUpToTheCap(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryBackoff.Delay(failures, Base, Cap, jitter: 0));

    [Fact]
    public void Backoff_JitterAddsAtMostTwentyPercent()
    {
        Assert.Equal(TimeSpan.FromSeconds(12), RetryBackoff.Delay(2, Base, Cap, jitter: 1));
        Assert.InRange(RetryBackoff.Delay(2, new NotificationOptions()), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12));
    }

    [Fact]
    public void Signature_IsHexHmacSha256OfTimestampDotBody_AndVerifiesOnlyUnchanged()
    {
        var body = Encoding.UTF8.GetBytes("{\"phone\":\"13900000000\"}");

        var signature = WebhookSignature.Compute("secret-0123456789", 1700000000, body);

        // echo -n '1700000000.{"phone":"13900000000"}' | openssl dgst -sha256 -hmac secret-0123456789
        Assert.Equal("sha256=b61cdc2b80bd9acfa56f7d937fa8144cacd919f248b9047da56099e0b2778ad4", signature);
        Assert.True(WebhookSignature.Verify("secret-0123456789", 1700000000, body, signature));
        Assert.False(WebhookSignature.Verify("another-secret-0123", 1700000000, body, signature));
        Assert.False(WebhookSignature.Verify("secret-0123456789", 1700000001, body, signature));
        Assert.False(WebhookSignature.Verify("secret-0123456789", 1700000000, Encoding.UTF8.GetBytes("{\"phone\":\"13900000001\"}"), signature));
    }

    [Fact]
    public void ErrorText_IsOneLine_WithoutTheSecret_AndBounded()
    {
        var error = DeliveryErrors.Describe(new InvalidOperationException("server said:\r\nyour password S3cret-Pw is\nwrong"), false, Base, "S3cret-Pw");

        Assert.Equal("InvalidOperationException: server said: your password [redacted] is wrong", error);
        Assert.Equal(DeliveryErrors.MaxLength + 1, DeliveryErrors.Sanitize(new string('x', 2000), null).Length);
    }

    [Fact]
    public void ErrorText_ForATimeout_SaysSo() =>
        Assert.Equal("timed out after 5 s", DeliveryErrors.Describe(new OperationCanceledException(), timedOut: true, Base, null));

    [Fact]
    public void Options_Defaults_AreValid() =>
        Assert.True(new NotificationOptionsValidator().Validate(null, new NotificationOptions()).Succeeded);

    [Theory]
    [InlineData("webhook without secret")]
    [InlineData("lease shorter than a batch")]
    [InlineData("smtp without from")]
    [InlineData("relative login url")]
    [InlineData("no attempts")]
    public void Options_ThatWouldLoseOrRepeatMessages_AreRefused(string problem)
    {
        var options = new NotificationOptions();
        switch (problem)
        {
            case "webhook without secret":
                options.Sms.WebhookUrl = "https://sms.example.test/hook";
                break;
            case "lease shorter than a batch":
                options.ClaimLease = TimeSpan.FromSeconds(10);
                break;
            case "smtp without from":
                options.Smtp.Host = "smtp.example.test";
                break;
            case "relative login url":
                options.LoginUrls["app"] = "/login";
                break;
            case "no attempts":
                options.MaxAttempts = 0;
                break;
        }

        var result = new NotificationOptionsValidator().Validate(null, options);

        Assert.True(result.Failed, problem);
    }
}
