using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.Media;

/// <summary>Stores the files an agent attached in the composer, all or none, before the reply that carries them.</summary>
public sealed class ComposerUploads(MediaLibrary media, IOptions<MediaOptions> options)
{
    public async Task<(IReadOnlyList<Guid>? Ids, string? Error)> StoreAsync(IReadOnlyList<IBrowserFile> files, Guid conversationId,
        CancellationToken cancellationToken = default)
    {
        if (files.Count == 0) return (null, null);
        var ids = new List<Guid>();
        foreach (var file in files)
        {
            if (file.Size > options.Value.MaxFileBytes)
                return (null, $"{file.Name} is larger than {options.Value.MaxFileBytes / (1024 * 1024)} MB.");
            // The browser's own stream limit is the configured one; MediaLibrary counts again as it copies.
            await using var content = file.OpenReadStream(options.Value.MaxFileBytes, cancellationToken);
            var contentType = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType;
            var (id, error) = await media.StoreAsync(content, file.Name, contentType, conversationId, cancellationToken);
            if (error is not null) return (null, error);
            ids.Add(id!.Value);
        }
        return (ids, null);
    }
}
