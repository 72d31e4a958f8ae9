using Inbound.Web.Inbox.Delivery;

namespace Inbound.Web.Channels.Line;

public static class LineChannelExtensions
{
    /// <summary>The LINE Messaging API channel: its client, sender, reply tokens, profiles and the loading animation.</summary>
    public static IServiceCollection AddLineChannel(this IServiceCollection services)
    {
        services.AddOptions<LineOptions>().BindConfiguration(LineOptions.Section);
        services.AddSingleton<LineApiClient>();
        services.AddSingleton<LineReplyTokens>();
        services.AddSingleton<LineMediaLinks>();
        services.AddSingleton<LineProfiles>();
        services.AddSingleton<LineContactReach>();
        services.AddSingleton<LineChannelCheck>();
        services.AddSingleton<IChannelSender, LineSender>();
        services.AddSingleton<IWorkingIndicator, LineLoadingAnimation>();
        return services;
    }
}
