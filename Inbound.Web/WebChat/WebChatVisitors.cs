using Inbound.Domain.Conversations;
using Inbound.Web.Channels.Media;
using Inbound.Web.Contacts.Blocking;
using Inbound.Web.Data;
using Inbound.Web.WebChat.Abuse;
using Inbound.Web.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.WebChat;

/// <summary>
/// The visitor side of web chat. A visitor's messages take the same ingestion path as a signed webhook (the
/// <see cref="IngestionQueue"/>), so workflows and the inbox see no difference; before that they pass the public
/// door's checks: the visitor's and their address's limits, and the block list.
/// </summary>
public sealed class WebChatVisitors(
    IDbContextFactory<InboundDbContext> dbFactory,
    ChannelDirectory channels,
    IngestionQueue ingestion,
    WebChatLimits limits,
    BlockList blocks,
    MediaLibrary media,
    IOptions<MediaOptions> mediaOptions,
    IOptions<WebChatOptions> options,
    TimeProvider clock,
    ILogger<WebChatVisitors> logger)
{
    /// <summary>The contact fields the agent sees in the contact panel.</summary>
    public const string PageField = "Page";
    public const string BrowserField = "Browser";

    /// <summary>The client address the visitor last wrote from: what "Block address" in the contact panel blocks.</summary>
    public const string AddressField = "IP address";

    /// <summary>How many earlier conversations a returning visitor sees above the latest.</summary>
    public const int EarlierConversations = 5;

    /// <summary>Sends what the visitor typed, and the image they picked if any.</summary>
    /// <returns>False when the message was refused quietly (the visitor or their address is blocked): nothing was stored.</returns>
    /// <exception cref="MessageTooLongException">The text is longer than <see cref="WebChatOptions.MaxMessageLength"/>.</exception>
    /// <exception cref="SlowDownException">The visitor or their address is past a limit; nothing was stored.</exception>
    /// <exception cref="VisitorImageException">The image is not one the chat takes; nothing was stored.</exception>
    public async Task<bool> SendAsync(ChatVisitor visitor, VisitorDetails details, string? text, VisitorImage? image = null,
        CancellationToken cancellationToken = default)
    {
        if (visitor.Verified is null && !VisitorTokens.IsValid(visitor.Token)) throw new ArgumentException("Invalid visitor token.", nameof(visitor));
        text = text?.Trim() ?? "";
        if (text.Length > options.Value.MaxMessageLength) throw new MessageTooLongException(text.Length, options.Value.MaxMessageLength);
        if (text.Length == 0 && image is null) throw new ArgumentException("A message needs text or an image.", nameof(text));
        if (image is not null && !(image.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && mediaOptions.Value.Allows(image.ContentType)))
            throw new VisitorImageException($"{image.FileName} is not an image the chat accepts (JPEG, PNG, GIF or WebP).");
        var channel = await channels.FindAsync(options.Value.ChannelKey, cancellationToken)
            ?? throw new InvalidOperationException($"The web chat channel '{options.Value.ChannelKey}' does not exist.");

        // The cheap, in-memory check first: a flood is turned away before it costs a query.
        limits.TakeMessage(visitor.ExternalId);
        var contactId = await ContactOfAsync(channel.Id, visitor.ExternalId, cancellationToken);
        if (await blocks.RefusesAsync(contactId, visitor.Address, cancellationToken))
        {
            logger.LogInformation("Refused a web chat message of blocked contact {ContactId} from {Address}", contactId, visitor.Address);
            return false;
        }
        if (contactId is null) limits.TakeNewVisitor(visitor.Address);

        IReadOnlyList<Guid>? files = null;
        if (image is not null)
        {
            var (fileId, error) = await media.StoreAsync(image.Content, image.FileName, image.ContentType, null, cancellationToken);
            if (error is not null) throw new VisitorImageException(error);
            files = [fileId!.Value];
        }

        var fields = new Dictionary<string, string>();
        if (Clip(details.Page, 500) is { } page) fields[PageField] = page;
        if (details.UserAgent is not null) fields[BrowserField] = VisitorBrowser.Describe(details.UserAgent);
        if (visitor.Address is not null) fields[AddressField] = visitor.Address;
        if (Inbound.Domain.Languages.LanguageCode.Normalize(details.Language) is { } language) fields[Inbound.Domain.Contacts.Contact.LanguageField] = language;
        var message = new IncomingMessage(channel.Id, $"webchat-{Guid.CreateVersion7():N}", visitor.ExternalId,
            Clip(visitor.Verified?.Name ?? details.Name, 100), null, Clip(visitor.Verified?.Email ?? details.Email, 320), text,
            VisitorNames.For(visitor.ExternalId, options.Value.AnonymousName), fields, files);
        var stored = await ingestion.SubmitAsync(message, cancellationToken);
        if (files is not null && !stored.Refused) await media.BelongToAsync(files, stored.ConversationId, cancellationToken);
        return !stored.Refused;
    }

    /// <summary>
    /// Gives the visitor a new token once theirs is old, and moves their thread to it: a token seen before (in an old
    /// link, a log, a shared device's storage) opens nothing any more.
    /// </summary>
    /// <returns>The token to keep: the same one while it is younger than <see cref="WebChatOptions.RotateTokenAfter"/>.</returns>
    public async Task<string> RotateAsync(string token, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (VisitorTokens.IsValid(token) && VisitorTokens.IssuedAt(token) is { } issued && now - issued < options.Value.RotateTokenAfter) return token;
        var fresh = VisitorTokens.New(now);
        if (!VisitorTokens.IsValid(token) || await channels.FindAsync(options.Value.ChannelKey, cancellationToken) is not { } channel) return fresh;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var externalId = VisitorTokens.ExternalId(token);
        var contact = await db.Contacts.Include(c => c.Identities)
            .SingleOrDefaultAsync(c => c.Identities.Any(i => i.ChannelId == channel.Id && i.ExternalId == externalId), cancellationToken);
        if (contact is null) return fresh;
        contact.ReplaceIdentity(channel.Id, externalId, VisitorTokens.ExternalId(fresh));
        await db.SaveChangesAsync(cancellationToken);
        return fresh;
    }

    private async Task<Guid?> ContactOfAsync(Guid channelId, string externalId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ContactIdentities.AsNoTracking()
            .Where(i => i.ChannelId == channelId && i.ExternalId == externalId).Select(i => (Guid?)i.ContactId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The visitor's latest conversation (open or just closed) and their earlier ones, or an empty thread for a new visitor.</summary>
    public async Task<VisitorThread> GetThreadAsync(ChatVisitor visitor, CancellationToken cancellationToken = default)
    {
        var channel = await channels.FindAsync(options.Value.ChannelKey, cancellationToken);
        if (channel is null) return VisitorThread.None;
        var contactId = await ContactOfAsync(channel.Id, visitor.ExternalId, cancellationToken);
        if (contactId is null) return VisitorThread.None;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversations = await db.Conversations.AsNoTracking().Where(c => c.ContactId == contactId)
            .OrderByDescending(c => c.OpenedAt).Take(EarlierConversations + 1).ToListAsync(cancellationToken);
        if (conversations.Count == 0) return VisitorThread.None with { ContactId = contactId };
        var ids = conversations.Select(c => c.Id).ToList();
        var messages = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.ConversationId) && m.Direction != MessageDirection.InternalNote)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var authorIds = messages.Select(m => m.AuthorId).OfType<Guid>().Distinct().ToList();
        var agents = await db.Agents.AsNoTracking().Where(a => authorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var byConversation = messages.ToLookup(m => m.ConversationId, m => new VisitorMessage(
            m.Id, m.Direction == MessageDirection.Inbound,
            m.AuthorKind switch
            {
                AuthorKind.Contact => "You",
                AuthorKind.Agent when m.AuthorId is { } id && agents.TryGetValue(id, out var n) => FirstName(n),
                _ => null,
            },
            m.Body, m.CreatedAt, m.DeliveryStatus, m.QuickReplies, m.AttachmentIds?.Count ?? 0));
        var latest = conversations[0];
        var earlier = conversations.Skip(1).Reverse()
            .Select(c => new VisitorConversation(c.Id, c.OpenedAt, c.IsOpen, byConversation[c.Id].ToList()))
            .Where(c => c.Messages.Count > 0).ToList();
        return new VisitorThread(contactId, latest.Id, latest.IsOpen, byConversation[latest.Id].ToList(), earlier);
    }

    private static string FirstName(string name) => name.Split(' ', 2)[0];

    private static string? Clip(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var v && v.Length > max ? v[..max] : value.Trim();
}

/// <summary>A visitor's message longer than the chat accepts; nothing was sent.</summary>
public sealed class MessageTooLongException(int length, int max)
    : Exception($"The message has {length:N0} characters; the chat accepts up to {max:N0}.")
{
    public int Length { get; } = length;
    public int Max { get; } = max;
}

/// <summary>An image the visitor picked: its bytes (read as they are stored) and what the browser says it is.</summary>
public sealed record VisitorImage(Stream Content, string FileName, string ContentType);

/// <summary>The visitor's image was refused (a type the chat does not take, or too large); nothing was sent.</summary>
public sealed class VisitorImageException(string message) : Exception(message);
