using System.Net;
using Inbound.Web.WebChat;

namespace Inbound.Tests.WebChat;

/// <summary>The embed script's texts: every language the chat speaks, readable by any site that embeds it.</summary>
public class WebChatScriptTextsTests(InboundApp app) : IClassFixture<InboundApp>
{
    [Fact]
    public async Task The_chat_button_texts_come_in_every_chat_language_and_any_site_may_read_them()
    {
        using var http = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, WebChatScriptApi.TextsPath) { Headers = { { "Origin", "https://shop.example.com" } } };

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<WebChatScriptLanguages>(ApiJson.Options);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("en", body!.Default);
        Assert.Equal(ChatLanguages.Supported.Select(l => l.Code).Order(), body.Texts.Keys.Order());
        Assert.Equal(new WebChatScriptTexts("Chat with us", "Open chat", "Close chat"), body.Texts["en"]);
        Assert.Equal(new WebChatScriptTexts("แชทกับเรา", "เปิดแชท", "ปิดแชท"), body.Texts["th"]);
    }
}
