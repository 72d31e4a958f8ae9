using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Inbound.Web.WebChat;

/// <summary>The texts of webchat.js, the script a customer's site embeds (WebChatScript.resx, WebChatScript.th.resx).</summary>
public sealed class WebChatScript
{
    private WebChatScript()
    {
    }
}

/// <param name="Title">The chat frame's title (what a screen reader calls it).</param>
/// <param name="OpenChat">The chat button's name while the chat is closed.</param>
/// <param name="CloseChat">Its name while the chat is open.</param>
public sealed record WebChatScriptTexts(string Title, string OpenChat, string CloseChat);

/// <param name="Default">The language for a browser that asks for none of <paramref name="Texts"/>' languages.</param>
/// <param name="Texts">The texts per language code, for every language the chat speaks.</param>
public sealed record WebChatScriptLanguages(string Default, IReadOnlyDictionary<string, WebChatScriptTexts> Texts);

public static class WebChatScriptApi
{
    public const string TextsPath = "webchat/texts";

    public static IEndpointRouteBuilder MapWebChatScriptApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(TextsPath, Texts)
            .AllowAnonymous()
            .WithName("WebChatScriptTexts")
            .WithSummary("The web chat button's texts in every language the chat speaks, for webchat.js on a customer's site.")
            .WithTags("WebChat");
        return app;
    }

    /// <summary>
    /// All languages at once: the script picks one from the visitor's browser before the chat has loaded, and follows
    /// the chat's language switch afterwards without asking again. The codes are the chat's own (ChatLanguages).
    /// </summary>
    internal static Ok<WebChatScriptLanguages> Texts(HttpContext http, IStringLocalizer<WebChatScript> script,
        IStringLocalizer<WebChatPage> page, IOptions<WebChatOptions> options)
    {
        // The script runs on the customer's origin; nothing here is secret, so any site may read it.
        http.Response.Headers.AccessControlAllowOrigin = "*";
        http.Response.Headers.CacheControl = "public, max-age=300";
        var title = options.Value.Title;
        var customTitle = title != new WebChatOptions().Title;
        var texts = ChatLanguages.Supported.ToDictionary(l => l.Code, l => ChatLanguages.In(ChatLanguages.Culture(l.Code), () =>
            new WebChatScriptTexts(customTitle ? title : page["Title"], script["OpenChat"], script["CloseChat"])));
        return TypedResults.Ok(new WebChatScriptLanguages(ChatLanguages.Default, texts));
    }
}
