using Inbound.Domain.Channels;
using Inbound.Web.Ingestion;
using Microsoft.Extensions.Options;

namespace Inbound.Web.WebChat;

/// <summary>
/// The sites that may embed the chat: the web chat channel's <c>AllowedOrigins</c> setting, or WebChat:AllowedOrigins
/// from appsettings.json while the channel sets none. Empty allows any http(s) site. Both the frame's
/// frame-ancestors policy and the frame's postMessage check follow this list.
/// </summary>
public sealed class WebChatOrigins(ChannelDirectory channels, IOptions<WebChatOptions> options)
{
    public async ValueTask<IReadOnlyList<string>> AllowedAsync(CancellationToken cancellationToken = default)
    {
        var channel = await channels.FindAsync(options.Value.ChannelKey, cancellationToken);
        var setting = channel?.Settings.GetValueOrDefault(ChannelSettingNames.AllowedOrigins);
        if (string.IsNullOrWhiteSpace(setting)) return options.Value.AllowedOrigins;
        return setting.Split([' ', ',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/')).Where(IsOrigin).ToList();
    }

    public static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.PathAndQuery == "/" && !origin.EndsWith('/');
}
