namespace UserPool.Api.Security;

/// <summary>
/// The request body read once into memory. A signature covers the body's values, so it must be read
/// before the endpoint runs; the endpoint then binds from the same bytes, not a second copy from the wire.
/// Kestrel's body size limit applies while reading (413).
/// </summary>
public static class RequestBody
{
    private const string ItemKey = "userpool.body";

    // The declared Content-Length is the caller's word, read before any signature is checked: trusting it for the
    // allocation let an anonymous request that declares 16 MB and sends nothing cost 16 MB. Start small and grow.
    private const int MaxInitialCapacity = 64 * 1024;

    public static async Task<ReadOnlyMemory<byte>> BufferAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HttpContext.Items[ItemKey] is ReadOnlyMemory<byte> buffered)
        {
            return buffered;
        }

        var capacity = (int)Math.Clamp(request.ContentLength ?? 0, 0, MaxInitialCapacity);
        var copy = new MemoryStream(capacity);
        await request.Body.CopyToAsync(copy, ct);
        var body = new ReadOnlyMemory<byte>(copy.GetBuffer(), 0, (int)copy.Length);
        request.Body = new MemoryStream(copy.GetBuffer(), 0, (int)copy.Length, writable: false);
        request.HttpContext.Items[ItemKey] = body;
        return body;
    }
}
