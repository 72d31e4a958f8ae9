namespace Inbound.Tests.WebChat;

/// <summary>Which sites may frame the chat: the listed origins only, and no site the rest of the app.</summary>
public class WebChatFramingTests : IAsyncLifetime
{
    private readonly InboundApp _app = new InboundApp()
        .With("WebChat:AllowedOrigins:0", "https://shop.example.com")
        .With("WebChat:AllowedOrigins:1", "http://localhost:8000");

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task Only_the_allowed_origins_may_frame_the_chat_and_only_the_app_itself_frames_its_other_pages()
    {
        using var http = _app.CreateHttpClient();

        using var chat = await http.GetAsync("/chat");
        using var login = await http.GetAsync("/account/login");

        Assert.Equal("frame-ancestors 'self' https://shop.example.com http://localhost:8000", chat.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("frame-ancestors 'self'", login.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_channels_own_allowed_origins_replace_the_configured_ones()
    {
        using var http = _app.CreateHttpClient();
        await _app.SetWebChatSettingAsync(Inbound.Domain.Channels.ChannelSettingNames.AllowedOrigins, "https://www.example.org, https://help.example.org");

        using var chat = await http.GetAsync("/chat");

        Assert.Equal("frame-ancestors 'self' https://www.example.org https://help.example.org", chat.Headers.GetValues("Content-Security-Policy").Single());
    }
}
