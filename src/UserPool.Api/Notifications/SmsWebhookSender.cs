using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Notifications;

/// <summary>
/// SMS through an HTTP webhook, so any SMS gateway can sit behind it: POST of a signed JSON body
/// (<see cref="SmsWebhookPayload"/>, <see cref="WebhookSignature"/>); any 2xx answer means accepted.
/// </summary>
public sealed class SmsWebhookSender(IHttpClientFactory httpClients, IOptionsMonitor<NotificationOptions> options, TimeProvider clock)
    : INotificationSender
{
    public const string HttpClientName = "UserPool.SmsWebhook";

    public string Channel => OutboxNames.Sms;

    public string? UnavailableReason =>
        options.CurrentValue.Sms.IsConfigured ? null : "SMS is not configured (Notifications:Sms:WebhookUrl is empty)";

    public INotificationSession OpenSession() => new Session(this);

    private async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var sms = options.CurrentValue.Sms;
        var body = JsonSerializer.SerializeToUtf8Bytes(SmsWebhookPayload.From(notification), JsonDefaults.Options);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(sms.SigningSecret!, timestamp, body));
        request.Headers.Add(WebhookSignature.MessageIdHeader, notification.Id);
        using var response = await httpClients.CreateClient(HttpClientName)
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The answer's body is not kept: a gateway could echo the request, password included.
            throw new WebhookRejectedException((int)response.StatusCode, response.ReasonPhrase);
        }
    }

    private sealed class Session(SmsWebhookSender sender) : INotificationSession
    {
        public Task SendAsync(Notification notification, CancellationToken cancellationToken) =>
            sender.SendAsync(notification, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

public sealed class WebhookRejectedException(int statusCode, string? reason)
    : Exception($"SMS webhook answered HTTP {statusCode}{(string.IsNullOrEmpty(reason) ? "" : " " + reason)}")
{
    public int StatusCode { get; } = statusCode;
}
