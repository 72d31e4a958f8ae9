using System.ComponentModel.DataAnnotations;

namespace Inbound.Web.WebChat;

public sealed class WebChatOptions : IValidatableObject
{
    public const string Section = "WebChat";

    /// <summary>The channel the visitor page posts to; it must be a web-chat channel.</summary>
    [Required] public string ChannelKey { get; set; } = "webchat";

    public string Title { get; set; } = "Chat with us";

    public string Greeting { get; set; } = "Hi! Ask us anything, we usually answer within minutes.";

    /// <summary>Ask a new visitor for their name and email (both optional) above their first message.</summary>
    public bool PreChatForm { get; set; }

    /// <summary>What the inbox calls a visitor who gave no name; {number} is a number that stays the same for their browser.</summary>
    [Required] public string AnonymousName { get; set; } = "Visitor {number}";

    /// <summary>The longest message a visitor can send; a longer one is refused with a word, and what they typed stays.</summary>
    [Range(1, 16000)] public int MaxMessageLength { get; set; } = 4096;

    /// <summary>
    /// How old a visitor's token may get before their next visit replaces it. Rotating on every visit would split a
    /// visitor with the chat open in two tabs (the older tab keeps writing under the replaced token); a day keeps old
    /// links and logs from opening the thread for long while leaving that race to a rare moment.
    /// </summary>
    public TimeSpan RotateTokenAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The sites (origins such as https://shop.example.com) whose pages may embed the chat; empty allows any http(s)
    /// site. Sent as the chat page's Content-Security-Policy frame-ancestors. The web chat channel's own AllowedOrigins
    /// setting, when set, replaces this list.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in AllowedOrigins)
            if (!WebChatOrigins.IsOrigin(origin))
                yield return new ValidationResult($"WebChat:AllowedOrigins: \"{origin}\" is not an origin such as https://shop.example.com (scheme, host and port only).");
    }
}
