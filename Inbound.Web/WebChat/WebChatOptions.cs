using System.ComponentModel.DataAnnotations;

namespace Inbound.Web.WebChat;

public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>The channel the visitor page posts to; it must be a web-chat channel.</summary>
    [Required] public string ChannelKey { get; set; } = "webchat";

    public string Title { get; set; } = "Chat with us";

    public string Greeting { get; set; } = "Hi! Ask us anything, we usually answer within minutes.";
}
