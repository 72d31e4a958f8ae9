using Inbound.Domain.Channels;
using Inbound.Domain.Conversations;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.WhatsApp;

/// <summary>
/// Whether a conversation's channel takes a free-form reply now: always, except on WhatsApp once its customer-service
/// window (24 h after the contact's last message) has closed, when only an approved template may go out.
/// </summary>
public sealed record ReplyWindow(bool IsOpen, string? Notice, IReadOnlyList<MessageTemplate> Templates)
{
    public static readonly ReplyWindow Open = new(true, null, []);
}

/// <summary>
/// WhatsApp's customer-service window. The composer asks it before the agent types, the inbox commands before they
/// store a reply, and the sender once more before it calls Meta (a workflow's message, or a reply that waited).
/// </summary>
public sealed class ServiceWindow(IDbContextFactory<InboundDbContext> dbFactory, IOptions<WhatsAppOptions> options, TimeProvider clock)
{
    public const string ClosedNotice =
        "More than 24 hours have passed since the contact's last message: WhatsApp only allows an approved template now.";

    public bool IsOpen(DateTime? contactLastMessageAt) =>
        contactLastMessageAt is { } at && clock.GetUtcNow().UtcDateTime - at <= options.Value.ServiceWindow;

    public async Task<ReplyWindow> ForAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ForAsync(db, conversationId, cancellationToken);
    }

    public async Task<ReplyWindow> ForAsync(InboundDbContext db, Guid conversationId, CancellationToken cancellationToken)
    {
        var target = await (
            from c in db.Conversations
            join ch in db.Channels on c.ChannelId equals ch.Id
            where c.Id == conversationId
            select new
            {
                Channel = ch,
                LastFromContact = db.Messages.Where(m => m.ConversationId == c.Id && m.Direction == MessageDirection.Inbound).Max(m => (DateTime?)m.CreatedAt),
            }).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (target is not { Channel.Type: ChannelType.WhatsApp } || IsOpen(target.LastFromContact)) return ReplyWindow.Open;
        return new ReplyWindow(false, ClosedNotice, target.Channel.Templates);
    }
}
