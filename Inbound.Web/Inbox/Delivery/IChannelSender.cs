using Inbound.Domain.Channels;
using Inbound.Domain.Conversations;

namespace Inbound.Web.Inbox.Delivery;

/// <summary>Sends replies out on one type of channel (web chat, WhatsApp, …) and reports how far they got.</summary>
public interface IChannelSender
{
    ChannelType ChannelType { get; }

    Task<DeliveryStatus> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}

/// <summary>A reply to deliver: to whom on which channel, and what.</summary>
public sealed record OutboundMessage(Guid MessageId, Guid ConversationId, Guid ChannelId, string ChannelKey, string ContactExternalId, string Body,
    IReadOnlyList<string>? QuickReplies = null);
