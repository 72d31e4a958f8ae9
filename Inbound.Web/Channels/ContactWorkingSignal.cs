using Inbound.Domain.Channels;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Channels;

/// <summary>A channel's way to show a contact that an answer is being prepared (LINE's loading animation).</summary>
public interface IWorkingIndicator
{
    ChannelType ChannelType { get; }

    Task ShowAsync(IReadOnlyDictionary<string, string> settings, string contactExternalId, CancellationToken cancellationToken);
}

/// <summary>
/// Shows the contact of a conversation that something is being worked on, on channels that can; others show nothing.
/// Best effort: a failure only costs the animation, never the workflow step that asked for it.
/// </summary>
public sealed class ContactWorkingSignal(IDbContextFactory<InboundDbContext> dbFactory, IEnumerable<IWorkingIndicator> indicators,
    ILogger<ContactWorkingSignal> logger)
{
    private readonly Dictionary<ChannelType, IWorkingIndicator> _byType = indicators.ToDictionary(i => i.ChannelType);

    public async Task ShowAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        if (_byType.Count == 0) return;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var target = await (
                from c in db.Conversations.AsNoTracking()
                join ch in db.Channels.AsNoTracking() on c.ChannelId equals ch.Id
                where c.Id == conversationId
                select new { Channel = ch, c.ContactId }).FirstOrDefaultAsync(cancellationToken);
            if (target is null || !target.Channel.IsEnabled || !_byType.TryGetValue(target.Channel.Type, out var indicator)) return;
            var externalId = await db.ContactIdentities.AsNoTracking()
                .Where(i => i.ContactId == target.ContactId && i.ChannelId == target.Channel.Id)
                .Select(i => i.ExternalId).FirstOrDefaultAsync(cancellationToken);
            if (externalId is not null) await indicator.ShowAsync(target.Channel.Settings, externalId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation(ex, "Could not show conversation {ConversationId}'s contact that a step is working", conversationId);
        }
    }
}
