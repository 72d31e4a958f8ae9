namespace Inbound.Web.Channels.Media;

/// <summary>Where attachment bytes live. A folder under the data folder by default; a blob store can replace it.</summary>
public interface IFileStore
{
    /// <summary>Stores the content under a new key and returns the key.</summary>
    Task<string> SaveAsync(Stream content, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);
}
