using System.Text;
using Microsoft.AspNetCore.Http;
using UserPool.Api.Security;

namespace UserPool.Api.Tests.Security;

/// <summary>The signed path buffers the body before the signature is checked, so an anonymous caller controls it.</summary>
public sealed class RequestBodyBufferTests
{
    /// <summary>A body that never arrives: Kestrel refuses an oversized declared length only when the read starts.</summary>
    private sealed class RefusingStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new BadHttpRequestException("too large", 413);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new BadHttpRequestException("too large", 413));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_declared_Content_Length_does_not_decide_how_much_memory_is_set_aside()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentLength = 16L * 1024 * 1024;
        context.Request.Body = new RefusingStream();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var buffering = RequestBody.BufferAsync(context.Request, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        await Assert.ThrowsAsync<BadHttpRequestException>(() => buffering);
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes set aside for a body that never came");
    }

    [Fact]
    public async Task The_buffered_body_is_the_whole_body_and_the_endpoint_reads_the_same_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"padding\":\"" + new string('x', 300_000) + "\"}");
        var context = new DefaultHttpContext();
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);

        var buffered = await RequestBody.BufferAsync(context.Request, CancellationToken.None);
        var again = await RequestBody.BufferAsync(context.Request, CancellationToken.None);
        var endpointRead = new MemoryStream();
        await context.Request.Body.CopyToAsync(endpointRead);

        Assert.Equal(bytes, buffered.ToArray());
        Assert.Equal(bytes, again.ToArray());
        Assert.Equal(bytes, endpointRead.ToArray());
    }
}
