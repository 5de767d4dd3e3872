using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using UserPool.Api.Tests.Hosting;

namespace UserPool.Api.Tests.Notifications;

/// <summary>
/// An HTTP listener on 127.0.0.1 standing in for an SMS gateway: keeps every webhook call (headers and raw
/// body) and answers 200, or a chosen failure status the next few times for a given phone number.
/// </summary>
public sealed class FakeSmsGateway : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<ReceivedWebhook> _calls = new();
    private readonly ConcurrentDictionary<string, (int Remaining, int Status)> _failures = new();

    private FakeSmsGateway(HttpListener listener, int port)
    {
        _listener = listener;
        Url = $"http://127.0.0.1:{port}/sms";
        _ = ServeAsync();
    }

    public string Url { get; }

    public IReadOnlyList<ReceivedWebhook> Calls => _calls.ToArray();

    public static FakeSmsGateway Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = ServerProcess.FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new FakeSmsGateway(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    public IReadOnlyList<ReceivedWebhook> CallsFor(string phone) => Calls.Where(c => c.Phone == phone).ToList();

    public void Fail(string phone, int times, int status) => _failures[phone] = (times, status);

    public async Task<ReceivedWebhook> WaitForCallAsync(string phone, int count = 1)
    {
        await Eventually.UntilAsync(() => CallsFor(phone).Count >= count, $"{count} webhook call(s) for {phone}");
        return CallsFor(phone)[count - 1];
    }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var headers = context.Request.Headers.AllKeys.OfType<string>()
            .ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        var call = new ReceivedWebhook(context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "", headers, body.ToArray());
        _calls.Enqueue(call);
        context.Response.StatusCode = TakeFailure(call.Phone) ?? 200;
        context.Response.Close();
    }

    private int? TakeFailure(string? phone)
    {
        while (phone is not null && _failures.TryGetValue(phone, out var failure) && failure.Remaining > 0)
        {
            if (_failures.TryUpdate(phone, (failure.Remaining - 1, failure.Status), failure))
            {
                return failure.Status;
            }
        }

        return null;
    }
}

public sealed record ReceivedWebhook(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string? Phone => Body.Length > 0 ? (string?)Json["phone"] : null;
}
