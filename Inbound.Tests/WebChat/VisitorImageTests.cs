using Inbound.Web.WebChat;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.WebChat;

/// <summary>What the chat takes as a visitor's image: an image type the Media settings allow, within their size.</summary>
public class VisitorImageTests : IAsyncLifetime
{
    private readonly InboundApp _app = new InboundApp().With("Media:MaxFileBytes", "1024");

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private Task<bool> SendFileAsync(ChatVisitor visitor, string name, string type, int bytes) =>
        _app.Visitors().SendAsync(visitor, new VisitorDetails(), null, new VisitorImage(new MemoryStream(new byte[bytes]), name, type));

    [Fact]
    public async Task An_image_within_the_limits_is_stored_with_the_message_in_the_visitors_conversation()
    {
        var visitor = WebChatTestApp.NewVisitor();

        Assert.True(await SendFileAsync(visitor, "receipt.png", "image/png", 512));

        var conversation = Assert.Single(await _app.ConversationsOfAsync(visitor));
        var file = await _app.QueryAsync(db => db.Set<Inbound.Web.Channels.Media.StoredFile>().SingleAsync(f => f.FileName == "receipt.png"));
        Assert.Equal(conversation, file.ConversationId);
        var thread = await _app.Visitors().GetThreadAsync(visitor);
        Assert.Equal(1, Assert.Single(thread.Messages, m => m.FromVisitor).Images);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_or_is_too_large_is_refused_and_nothing_is_sent()
    {
        var visitor = WebChatTestApp.NewVisitor();

        var notImage = await Assert.ThrowsAsync<VisitorImageException>(() => SendFileAsync(visitor, "notes.pdf", "application/pdf", 100));
        var tooLarge = await Assert.ThrowsAsync<VisitorImageException>(() => SendFileAsync(visitor, "huge.jpg", "image/jpeg", 4096));

        Assert.Contains("notes.pdf is not an image", notImage.Message);
        Assert.Contains("huge.jpg is larger than", tooLarge.Message);
        Assert.Empty(await _app.ConversationsOfAsync(visitor));
    }
}
