namespace Inbound.Web.Channels.Media;

/// <summary>
/// An attachment's record: what it is and which conversation it belongs to, which decides who may download it.
/// The bytes are in the <see cref="IFileStore"/> under <see cref="StorageKey"/>.
/// </summary>
public sealed class StoredFile
{
    private StoredFile() { FileName = ContentType = StorageKey = ""; }

    public StoredFile(string fileName, string contentType, long length, string storageKey, Guid? conversationId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        FileName = SafeName(fileName);
        ContentType = contentType;
        Length = length;
        StorageKey = storageKey;
        ConversationId = conversationId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long Length { get; private set; }
    public string StorageKey { get; private set; }

    /// <summary>Null until the message that carries it is stored (a contact's file arrives before its conversation is known).</summary>
    public Guid? ConversationId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);

    public void BelongTo(Guid conversationId) => ConversationId ??= conversationId;

    private static string SafeName(string name)
    {
        // Only the name's last segment, without control characters: it ends up in a Content-Disposition header.
        var last = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length == 0 ? "file" : clean.Length > 200 ? clean[^200..] : clean;
    }
}
