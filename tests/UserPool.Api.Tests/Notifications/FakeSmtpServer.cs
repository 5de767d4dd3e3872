using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace UserPool.Api.Tests.Notifications;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that keeps what it
/// accepted, parsed with MimeKit. Refusals are per recipient, so tests sharing the server stay apart;
/// DATA replies can be held back to catch a dispatcher in the middle of a send.
/// </summary>
public sealed class FakeSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _mails = new();
    private readonly ConcurrentQueue<RecipientAttempt> _attempts = new();
    private readonly ConcurrentDictionary<string, (int Remaining, string Reply)> _refusals = new(StringComparer.OrdinalIgnoreCase);
    private volatile TaskCompletionSource? _hold;
    private int _held;

    private FakeSmtpServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<ReceivedMail> Mails => _mails.ToArray();

    /// <summary>Every RCPT TO seen, refused or not, with the time it arrived.</summary>
    public IReadOnlyList<RecipientAttempt> Attempts => _attempts.ToArray();

    /// <summary>Messages whose DATA has arrived but whose reply is being held.</summary>
    public int HeldCount => Volatile.Read(ref _held);

    public static FakeSmtpServer Start() => new();

    public IReadOnlyList<ReceivedMail> MailsTo(string address) =>
        Mails.Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();

    public IReadOnlyList<RecipientAttempt> AttemptsFor(string address) =>
        Attempts.Where(a => string.Equals(a.Recipient, address, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Answers RCPT TO for this address with <paramref name="reply"/> the next <paramref name="times"/> times.</summary>
    public void Refuse(string address, int times = int.MaxValue, string reply = "554 5.7.1 Rejected by the test server") =>
        _refusals[address] = (times, reply);

    /// <summary>From now on, the reply to each DATA waits until <see cref="ReleaseHeld"/>.</summary>
    public void HoldDataReplies() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseHeld()
    {
        var hold = _hold;
        _hold = null;
        hold?.TrySetResult();
    }

    public async Task<ReceivedMail> WaitForMailToAsync(string address, TimeSpan? timeout = null)
    {
        await Eventually.UntilAsync(() => MailsTo(address).Count > 0, $"a mail to {address}", timeout);
        return MailsTo(address)[0];
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        ReleaseHeld();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            await using var stream = client.GetStream();
            // Latin-1 maps bytes one to one, so 8-bit message data comes back byte for byte.
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost fake SMTP ready");
            await ConverseAsync(reader, writer);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
    }

    private async Task ConverseAsync(StreamReader reader, StreamWriter writer)
    {
        string? from = null;
        var recipients = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost\r\n250 8BITMIME");
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                    from = AddressIn(line);
                    recipients.Clear();
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT":
                    var recipient = AddressIn(line);
                    var refusal = TakeRefusal(recipient);
                    _attempts.Enqueue(new RecipientAttempt(recipient, DateTimeOffset.UtcNow, refusal is null));
                    if (refusal is null)
                    {
                        recipients.Add(recipient);
                    }

                    await writer.WriteLineAsync(refusal ?? "250 2.1.5 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = await ReadDataAsync(reader);
                    await WaitIfHeldAsync();
                    _mails.Enqueue(new ReceivedMail(from, [.. recipients], MimeMessage.Load(new MemoryStream(data)), DateTimeOffset.UtcNow));
                    await writer.WriteLineAsync("250 2.0.0 Accepted");
                    break;
                case "RSET":
                    from = null;
                    recipients.Clear();
                    await writer.WriteLineAsync("250 2.0.0 OK");
                    break;
                case "NOOP":
                    await writer.WriteLineAsync("250 2.0.0 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                    break;
            }
        }
    }

    private async Task<byte[]> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stop.Token) is { } line && line != ".")
        {
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }

        return Encoding.Latin1.GetBytes(data.ToString());
    }

    private async Task WaitIfHeldAsync()
    {
        if (_hold is not { } hold)
        {
            return;
        }

        Interlocked.Increment(ref _held);
        try
        {
            await hold.Task.WaitAsync(_stop.Token);
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }
    }

    private string? TakeRefusal(string recipient)
    {
        while (_refusals.TryGetValue(recipient, out var refusal) && refusal.Remaining > 0)
        {
            if (_refusals.TryUpdate(recipient, (refusal.Remaining - 1, refusal.Reply), refusal))
            {
                return refusal.Reply;
            }
        }

        return null;
    }

    private static string AddressIn(string command)
    {
        var start = command.IndexOf('<');
        var end = command.IndexOf('>', start + 1);
        return start >= 0 && end > start ? command[(start + 1)..end] : "";
    }
}

public sealed record ReceivedMail(string? From, IReadOnlyList<string> Recipients, MimeMessage Message, DateTimeOffset ReceivedAt);

public sealed record RecipientAttempt(string Recipient, DateTimeOffset At, bool Accepted);
