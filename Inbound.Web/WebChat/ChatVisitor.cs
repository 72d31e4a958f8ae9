using Inbound.Web.WebChat.Identity;

namespace Inbound.Web.WebChat;

/// <summary>
/// Who is writing in the chat: an anonymous visitor known by the token their browser keeps, or a signed-in user of
/// the site whose identity was verified; and the client address they write from (for the per-address limits and blocks).
/// </summary>
public sealed record ChatVisitor(string Token, VerifiedVisitor? Verified = null, string? Address = null)
{
    /// <summary>The contact's id on the web chat channel: the verified user's, else one derived from the token.</summary>
    public string ExternalId => Verified?.ExternalId ?? VisitorTokens.ExternalId(Token);
}
