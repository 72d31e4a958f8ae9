using Inbound.Domain.Conversations;
using Inbound.Web.Data;
using Inbound.Web.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.WebChat;

/// <summary>
/// The visitor side of web chat. A visitor is known by a random id their browser keeps; their messages take the
/// same ingestion path as a signed webhook (the <see cref="IngestionQueue"/>), so workflows and the inbox see no
/// difference.
/// </summary>
public sealed class WebChatVisitors(
    IDbContextFactory<InboundDbContext> dbFactory,
    ChannelDirectory channels,
    IngestionQueue ingestion,
    IOptions<WebChatOptions> options)
{
    public const int MaxVisitorIdLength = 64;

    /// <summary>The contact fields the agent sees in the contact panel.</summary>
    public const string PageField = "Page";
    public const string BrowserField = "Browser";

    /// <summary>How many earlier conversations a returning visitor sees above the latest.</summary>
    public const int EarlierConversations = 5;

    public static bool IsValidVisitorId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= MaxVisitorIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string ExternalId(string visitorId) => $"visitor-{visitorId}";

    /// <exception cref="MessageTooLongException">The text is longer than <see cref="WebChatOptions.MaxMessageLength"/>.</exception>
    public async Task<IngestionResponse> SendAsync(string visitorId, VisitorDetails details, string text, CancellationToken cancellationToken = default)
    {
        if (!IsValidVisitorId(visitorId)) throw new ArgumentException("Invalid visitor id.", nameof(visitorId));
        text = text.Trim();
        if (text.Length > options.Value.MaxMessageLength) throw new MessageTooLongException(text.Length, options.Value.MaxMessageLength);
        var channel = await channels.FindAsync(options.Value.ChannelKey, cancellationToken)
            ?? throw new InvalidOperationException($"The web chat channel '{options.Value.ChannelKey}' does not exist.");
        var fields = new Dictionary<string, string>();
        if (Clip(details.Page, 500) is { } page) fields[PageField] = page;
        if (details.UserAgent is not null) fields[BrowserField] = VisitorBrowser.Describe(details.UserAgent);
        var message = new IncomingMessage(channel.Id, $"webchat-{Guid.CreateVersion7():N}", ExternalId(visitorId),
            Clip(details.Name, 100), null, Clip(details.Email, 320), text,
            VisitorNames.For(visitorId, options.Value.AnonymousName), fields);
        return await ingestion.SubmitAsync(message, cancellationToken);
    }

    /// <summary>The visitor's latest conversation (open or just closed) and their earlier ones, or an empty thread for a new visitor.</summary>
    public async Task<VisitorThread> GetThreadAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        var channel = await channels.FindAsync(options.Value.ChannelKey, cancellationToken);
        if (channel is null || !IsValidVisitorId(visitorId)) return VisitorThread.None;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var externalId = ExternalId(visitorId);
        var contactId = await db.ContactIdentities.AsNoTracking()
            .Where(i => i.ChannelId == channel.Id && i.ExternalId == externalId).Select(i => (Guid?)i.ContactId).SingleOrDefaultAsync(cancellationToken);
        if (contactId is null) return VisitorThread.None;
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
                _ => "Assistant",
            },
            m.Body, m.CreatedAt, m.DeliveryStatus, m.QuickReplies));
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
