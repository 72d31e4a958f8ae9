using Inbound.Domain.Channels;

namespace Inbound.Web.Inbox.Delivery;

/// <summary>
/// Web chat needs no outside call: the visitor's page listens on the live path and shows the reply as soon as it
/// is stored, so a stored reply counts as sent.
/// </summary>
internal sealed class WebChatSender : IChannelSender
{
    public ChannelType ChannelType => ChannelType.WebChat;

    public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(DeliveryResult.Sent());
}
