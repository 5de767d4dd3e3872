using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace UserPool.Api.Tests.Reliability.Support;

/// <summary>
/// One HTTP/1.1 request written byte for byte on its own connection. HttpClient normalizes what it sends
/// (it re-escapes query strings, refuses some headers, sets Content-Length itself); a hostile client does not.
/// The connection is kept alive as any client's would be (no "Connection: close"): then a server that answers
/// without reading the whole body drains it instead of resetting the connection under the answer.
/// </summary>
/// <param name="Target">The request-target exactly as sent, e.g. <c>/api/v3/get-user?userId=%FF</c>.</param>
/// <param name="Body">null sends no body and no Content-Length.</param>
public sealed record RawRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body)
{
    /// <summary>When set, the body is written in this many pieces with <see cref="TrickleDelay"/> between them.</summary>
    public int TricklePieces { get; init; }

    public TimeSpan TrickleDelay { get; init; }

    /// <summary>Write only this many body bytes (of a declared Content-Length of the whole body), then wait.</summary>
    public int? StallAfterBytes { get; init; }
}

/// <param name="Status">0 when no complete answer came (see <see cref="Failure"/>).</param>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body, TimeSpan Took, string? Failure)
{
    /// <summary>When the first byte of the answer arrived.</summary>
    public TimeSpan? FirstByte { get; init; }

    /// <summary>Everything received, as text (for diagnostics).</summary>
    public string Received { get; init; } = "";

    /// <summary>The status of an answer that began (its status line arrived) but did not complete.</summary>
    public int? StatusOfCutAnswer => Failure is not null && Received.StartsWith("HTTP/1.1 ", StringComparison.Ordinal)
        && int.TryParse(Received.AsSpan(9, 3), out var status) ? status : null;

    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

public static class RawHttp
{
    public static async Task<RawResponse> SendAsync(Uri server, RawRequest request, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(timeout);
        using var tcp = new TcpClient { NoDelay = true };
        var received = new MemoryStream();
        try
        {
            await tcp.ConnectAsync(server.Host, server.Port, deadline.Token);
            var stream = tcp.GetStream();
            // Write and read at once: a server may answer (413) before the whole body is sent.
            using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            var writing = WriteAsync(stream, server, request, stopWriting.Token);
            var buffer = new byte[64 * 1024];
            string? failure = null;
            TimeSpan? firstByte = null;
            var eof = false;
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, deadline.Token)) > 0)
                {
                    firstByte ??= watch.Elapsed;
                    received.Write(buffer, 0, read);
                    if (Parse(received.ToArray(), eof: false) is { Complete: true })
                    {
                        break;
                    }
                }

                eof = read == 0;
            }
            catch (OperationCanceledException)
            {
                failure = $"no complete answer within {timeout.TotalSeconds:F0} s";
            }
            catch (IOException exception)
            {
                failure = "connection failed while reading: " + exception.GetBaseException().Message;
            }

            // Done reading: a client that stalled its body stops waiting too.
            await stopWriting.CancelAsync();
            try
            {
                await writing;
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server stopped reading: normal after an early answer (413), judged by the answer below.
            }

            var parsed = Parse(received.ToArray(), eof);
            if (parsed is { Complete: true })
            {
                return new RawResponse(parsed.Status, parsed.Headers, parsed.Body, watch.Elapsed, null) { FirstByte = firstByte };
            }

            return new RawResponse(0, new Dictionary<string, string>(), received.ToArray(), watch.Elapsed,
                failure ?? (received.Length == 0 ? "connection closed without an answer" : "connection closed in the middle of the answer"))
            {
                FirstByte = firstByte,
                Received = System.Text.Encoding.Latin1.GetString(received.ToArray()),
            };
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return new RawResponse(0, new Dictionary<string, string>(), received.ToArray(), watch.Elapsed, "could not send: " + exception.Message);
        }
    }

    private static async Task WriteAsync(Stream stream, Uri server, RawRequest request, CancellationToken ct)
    {
        var head = new StringBuilder();
        head.Append(request.Method).Append(' ').Append(request.Target).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(server.Host).Append(':').Append(server.Port).Append("\r\n");
        foreach (var (name, value) in request.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (request.Body is not null)
        {
            head.Append("Content-Length: ").Append(request.Body.Length).Append("\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()), ct);
        if (request.Body is not { } body)
        {
            await stream.FlushAsync(ct);
            return;
        }

        var sendable = request.StallAfterBytes is { } stall ? body.AsMemory(0, Math.Min(stall, body.Length)) : body;
        if (request.TricklePieces > 1)
        {
            var size = Math.Max(1, (sendable.Length + request.TricklePieces - 1) / request.TricklePieces);
            for (var offset = 0; offset < sendable.Length; offset += size)
            {
                await stream.WriteAsync(sendable.Slice(offset, Math.Min(size, sendable.Length - offset)), ct);
                await stream.FlushAsync(ct);
                await Task.Delay(request.TrickleDelay, ct);
            }
        }
        else
        {
            await stream.WriteAsync(sendable, ct);
            await stream.FlushAsync(ct);
        }

        if (request.StallAfterBytes is not null)
        {
            // A client that stops sending and keeps the connection open.
            await Task.Delay(Timeout.Infinite, ct);
        }
    }

    private sealed record Parsed(bool Complete, int Status, Dictionary<string, string> Headers, byte[] Body);

    /// <summary>A complete answer: status line, headers and a body ended by Content-Length, the last chunk, or the connection closing.</summary>
    private static Parsed? Parse(byte[] data, bool eof)
    {
        var end = data.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return null;
        }

        var lines = Encoding.Latin1.GetString(data, 0, end).Split("\r\n");
        var statusParts = lines[0].Split(' ', 3);
        if (statusParts.Length < 2 || !int.TryParse(statusParts[1], out var status))
        {
            return new Parsed(true, -1, new Dictionary<string, string>(), data);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + "," + value : value;
            }
        }

        var rest = data.AsSpan(end + 4);
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return Dechunk(rest) is { } body ? new Parsed(true, status, headers, body) : new Parsed(false, status, headers, []);
        }

        if (headers.TryGetValue("content-length", out var length) && int.TryParse(length, out var declared))
        {
            return rest.Length >= declared
                ? new Parsed(true, status, headers, rest[..declared].ToArray())
                : new Parsed(false, status, headers, []);
        }

        // Neither: the body ends when the server closes the connection.
        return new Parsed(eof || status is 204 or 304, status, headers, rest.ToArray());
    }

    private static byte[]? Dechunk(ReadOnlySpan<byte> data)
    {
        var body = new MemoryStream();
        while (true)
        {
            var lineEnd = data.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                return null;
            }

            var sizeText = Encoding.ASCII.GetString(data[..lineEnd]).Split(';')[0].Trim();
            var size = Convert.ToInt32(sizeText, 16);
            data = data[(lineEnd + 2)..];
            if (size == 0)
            {
                return body.ToArray();
            }

            if (data.Length < size + 2)
            {
                return null;
            }

            body.Write(data[..size]);
            data = data[(size + 2)..];
        }
    }
}
