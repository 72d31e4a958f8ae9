using Inbound.Domain.Channels;
using Inbound.Domain.Conversations;

namespace Inbound.Web.Inbox.Delivery;

/// <summary>
/// The API channel's integrations read replies through the REST API or the hub, so a reply is sent once it is
/// stored and published.
/// </summary>
internal sealed class ApiChannelSender(ILogger<ApiChannelSender> logger) : IChannelSender
{
    public ChannelType ChannelType => ChannelType.Api;

    public Task<DeliveryStatus> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        logger.LogDebug("Reply {MessageId} for {Contact} on {Channel} is ready for pickup", message.MessageId, message.ContactExternalId, message.ChannelKey);
        return Task.FromResult(DeliveryStatus.Sent);
    }
}
