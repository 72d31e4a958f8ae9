using System.Text.RegularExpressions;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Channels.Email;

/// <summary>
/// Which contact a mail answers. A reply names one of our outgoing Message-Ids (<c>{message:N}@domain</c>, see
/// <see cref="EmailSender.MessageIdFor"/>) in <c>In-Reply-To</c>/<c>References</c>, or was sent to the
/// <c>reply+{conversation:N}@…</c> address; either way it belongs to that conversation's contact even when it comes
/// from another address (a work account, a forward). Handing the mail to that contact lets the ingestion lifecycle do
/// the rest: it joins the contact's open conversation, or opens a new one when that conversation was closed.
/// </summary>
public static partial class EmailThread
{
    /// <summary>The conversation ids a mail's headers and recipient name, most specific first.</summary>
    public static IReadOnlyList<(Guid Id, bool IsMessage)> NamedIn(string? recipient, string? inReplyTo, string? references)
    {
        var named = new List<(Guid, bool)>();
        if (recipient is { Length: > 0 } && ReplyAddress().Match(recipient) is { Success: true } address
            && Guid.TryParseExact(address.Groups[1].Value, "N", out var conversation))
            named.Add((conversation, false));
        // In-Reply-To is the mail answered; References lists the thread oldest first, so read it from the end.
        foreach (var header in new[] { inReplyTo, references })
        {
            if (header is not { Length: > 0 }) continue;
            foreach (var id in MessageId().Matches(header).Reverse())
                if (Guid.TryParseExact(id.Groups[1].Value, "N", out var message)) named.Add((message, true));
        }
        return named;
    }

    /// <summary>The contact's id on this channel for the first named conversation of this channel; null when none is ours.</summary>
    public static async Task<string?> ContactAnsweredAsync(InboundDbContext db, Guid channelId, IReadOnlyList<(Guid Id, bool IsMessage)> named,
        CancellationToken cancellationToken)
    {
        foreach (var (id, isMessage) in named)
        {
            var conversationId = isMessage
                ? await db.Messages.AsNoTracking().Where(m => m.Id == id && m.ChannelId == channelId).Select(m => (Guid?)m.ConversationId).FirstOrDefaultAsync(cancellationToken)
                : id;
            if (conversationId is null) continue;
            var externalId = await (
                from c in db.Conversations.AsNoTracking()
                where c.Id == conversationId && c.ChannelId == channelId
                join i in db.ContactIdentities.AsNoTracking() on c.ContactId equals i.ContactId
                where i.ChannelId == channelId
                select i.ExternalId).FirstOrDefaultAsync(cancellationToken);
            if (externalId is not null) return externalId;
        }
        return null;
    }

    [GeneratedRegex(@"reply\+([0-9a-f]{32})@", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyAddress();

    [GeneratedRegex(@"(?:^|[<\s,])([0-9a-f]{32})@", RegexOptions.IgnoreCase)]
    private static partial Regex MessageId();
}
