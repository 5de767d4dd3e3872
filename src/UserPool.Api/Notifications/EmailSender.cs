using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace UserPool.Api.Notifications;

/// <summary>E-mail over SMTP with MailKit. A session keeps one connection for its messages and reconnects after a failure.</summary>
public sealed class EmailSender(IOptionsMonitor<NotificationOptions> options) : INotificationSender
{
    public string Channel => OutboxNames.Email;

    public string? UnavailableReason =>
        options.CurrentValue.Smtp.IsConfigured ? null : "e-mail is not configured (Notifications:Smtp:Host is empty)";

    public INotificationSession OpenSession() => new Session(options.CurrentValue);

    /// <summary>The message as it goes on the wire; the Message-Id is stable, so a repeated delivery can be recognised.</summary>
    public static MimeMessage Compose(Notification notification, string from)
    {
        var text = NotificationTemplates.Render(notification);
        var message = new MimeMessage
        {
            Subject = text.Subject,
            Body = new TextPart("plain") { Text = text.Body },
            MessageId = $"{notification.Id}@userpool",
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(notification.DisplayName ?? "", notification.Recipient));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    private sealed class Session(NotificationOptions options) : INotificationSession
    {
        private SmtpClient? _client;

        public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
        {
            using var message = Compose(notification, options.Smtp.From!);
            try
            {
                var client = await ConnectedClientAsync(cancellationToken);
                await client.SendAsync(message, cancellationToken);
            }
            catch
            {
                // After a refusal or a broken connection the session state is unknown; start the next message afresh.
                await CloseAsync();
                throw;
            }
        }

        public ValueTask DisposeAsync() => new(CloseAsync());

        private async Task<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
        {
            if (_client is { IsConnected: true })
            {
                return _client;
            }

            var smtp = options.Smtp;
            _client = new SmtpClient { Timeout = (int)Math.Min(int.MaxValue, options.SendTimeout.TotalMilliseconds) };
            await _client.ConnectAsync(smtp.Host!, smtp.Port, SocketOptions(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await _client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
            }

            return _client;
        }

        private async Task CloseAsync()
        {
            if (_client is null)
            {
                return;
            }

            var client = _client;
            _client = null;
            try
            {
                if (client.IsConnected)
                {
                    using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await client.DisconnectAsync(quit: true, quit.Token);
                }
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or MailKit.ProtocolException
                or System.Net.Sockets.SocketException or SmtpCommandException)
            {
                // The connection is going away either way.
            }
            finally
            {
                client.Dispose();
            }
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
