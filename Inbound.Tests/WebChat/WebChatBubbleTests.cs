using Bunit;
using Inbound.Domain.Conversations;
using Inbound.Web.WebChat;

namespace Inbound.Tests.WebChat;

public class WebChatBubbleTests : MudComponentTest
{
    [Fact]
    public void A_visitors_image_shows_as_sent_above_its_caption()
    {
        var message = new VisitorMessage(Guid.NewGuid(), true, "You", "The lid is cracked", DateTime.UtcNow, DeliveryStatus.Sent, Images: 1);

        var cut = Render<WebChatBubble>(p => p.Add(b => b.Message, message));

        Assert.Equal("🖼 Image sent", cut.Find("[data-testid=webchat-image-sent]").TextContent.Trim());
        Assert.Contains("The lid is cracked", cut.Find(".webchat-bubble").TextContent);
    }

    [Fact]
    public void A_text_message_shows_no_image_line()
    {
        var message = new VisitorMessage(Guid.NewGuid(), true, "You", "Hello", DateTime.UtcNow, DeliveryStatus.Sent);

        var cut = Render<WebChatBubble>(p => p.Add(b => b.Message, message));

        Assert.Empty(cut.FindAll("[data-testid=webchat-image-sent]"));
    }
}
