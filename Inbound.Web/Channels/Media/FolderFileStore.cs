using Inbound.Web.Storage;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.Media;

/// <summary>Files in a folder (<c>Media:Folder</c>, by default <c>files</c> in the data folder), named by a random key.</summary>
internal sealed class FolderFileStore(IOptions<MediaOptions> media, IOptions<StorageOptions> storage) : IFileStore
{
    private string Folder => Path.GetFullPath(media.Value.Folder ?? Path.Combine(storage.Value.DataFolder, "files"));

    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, key);
        try
        {
            await using var file = new FileStream(path + ".part", FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await content.CopyToAsync(file, cancellationToken);
        }
        catch
        {
            File.Delete(path + ".part");
            throw;
        }
        // Appears under its key only once complete, so a reader never sees half a file.
        File.Move(path + ".part", path);
        return key;
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        // Keys are ours (32 hex digits); anything else is not a file of this store.
        if (key.Length != 32 || !key.All(Uri.IsHexDigit)) throw new FileNotFoundException("No such file.", key);
        return Task.FromResult<Stream>(new FileStream(Path.Combine(Folder, key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
    }
}
