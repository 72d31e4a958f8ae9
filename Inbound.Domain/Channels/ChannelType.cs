namespace Inbound.Domain.Channels;

public enum ChannelType
{
    WebChat,
    WhatsApp,
    Telegram,
    Email,
    Api,
    Line,
}
