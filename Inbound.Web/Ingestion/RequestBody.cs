using System.Buffers;

namespace Inbound.Web.Ingestion;

internal static class RequestBody
{
    /// <summary>Reads the raw body (the signature covers its exact bytes), or null once it passes the limit.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is { } length ? (int)length : 1024);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0) return buffer.WrittenMemory;
            buffer.Advance(read);
            if (buffer.WrittenCount > limit) return null;
        }
    }
}
