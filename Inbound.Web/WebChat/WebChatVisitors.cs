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

    public static bool IsValidVisitorId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= MaxVisitorIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string ExternalId(string visitorId) => $"visitor-{visitorId}";

    public async Task<IngestionResponse> SendAsync(string visitorId, string? name, string text, CancellationToken cancellationToken = default)
    {
        if (!IsValidVisitorId(visitorId)) throw new ArgumentException("Invalid visitor id.", nameof(visitorId));
        var channel = await channels.FindAsync(options.Value.ChannelKey, cancellationToken)
            ?? throw new InvalidOperationException($"The web chat channel '{options.Value.ChannelKey}' does not exist.");
        var message = new IncomingMessage(channel.Id, $"webchat-{Guid.CreateVersion7():N}", ExternalId(visitorId), name, null, null, text.Trim());
        return await ingestion.SubmitAsync(message, cancellationToken);
    }

    /// <summary>The visitor's latest conversation (open or just closed), or an empty thread for a new visitor.</summary>
    public async Task<VisitorThread> GetThreadAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        var channel = await channels.FindAsync(options.Value.ChannelKey, cancellationToken);
        if (channel is null || !IsValidVisitorId(visitorId)) return new VisitorThread(null, null, false, []);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var externalId = ExternalId(visitorId);
        var contactId = await db.ContactIdentities.AsNoTracking()
            .Where(i => i.ChannelId == channel.Id && i.ExternalId == externalId).Select(i => (Guid?)i.ContactId).SingleOrDefaultAsync(cancellationToken);
        if (contactId is null) return new VisitorThread(null, null, false, []);
        var conversation = await db.Conversations.AsNoTracking().Where(c => c.ContactId == contactId)
            .OrderByDescending(c => c.OpenedAt).FirstOrDefaultAsync(cancellationToken);
        if (conversation is null) return new VisitorThread(contactId, null, false, []);
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && m.Direction != MessageDirection.InternalNote)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var authorIds = messages.Select(m => m.AuthorId).OfType<Guid>().Distinct().ToList();
        var agents = await db.Agents.AsNoTracking().Where(a => authorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return new VisitorThread(contactId, conversation.Id, conversation.IsOpen, messages.Select(m => new VisitorMessage(
            m.Id, m.Direction == MessageDirection.Inbound,
            m.AuthorKind switch
            {
                AuthorKind.Contact => "You",
                AuthorKind.Agent when m.AuthorId is { } id && agents.TryGetValue(id, out var n) => FirstName(n),
                _ => "Assistant",
            },
            m.Body, m.CreatedAt, m.DeliveryStatus, m.QuickReplies)).ToList());
    }

    private static string FirstName(string name) => name.Split(' ', 2)[0];
}
