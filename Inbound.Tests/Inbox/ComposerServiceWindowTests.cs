using Bunit;
using Inbound.Domain.Channels;
using Inbound.Web.Channels.WhatsApp;
using Inbound.Web.Inbox.Components;

namespace Inbound.Tests.Inbox;

/// <summary>The composer once WhatsApp's 24-hour window has closed: no free-form reply, an approved template instead.</summary>
public class ComposerServiceWindowTests : MudComponentTest
{
    private static readonly MessageTemplate OrderUpdate = new("order_update", "en_US", "Hi {{1}}, your order {{2}} has shipped.");
    private static readonly MessageTemplate Hello = new("hello_again", "en_US", "Hello again! Reply to this message to continue.");

    private readonly List<ComposerMessage> _replies = [];
    private readonly List<TemplateChoice> _templates = [];

    private IRenderedComponent<Composer> RenderComposer(ReplyWindow window) => Render<Composer>(p => p
        .Add(x => x.Window, window)
        .Add(x => x.OnSend, m =>
        {
            _replies.Add(m);
            return Task.FromResult(true);
        })
        .Add(x => x.OnSendTemplate, t =>
        {
            _templates.Add(t);
            return Task.FromResult(true);
        }));

    [Fact]
    public void Outside_the_window_the_composer_says_why_and_offers_no_free_form_reply()
    {
        var cut = RenderComposer(new ReplyWindow(false, ServiceWindow.ClosedNotice, [OrderUpdate, Hello]));

        Assert.Contains("only allows an approved template", cut.Find("[data-testid=window-closed]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=composer-input]"));
        Assert.Empty(cut.FindAll("[data-testid=send]"));
        Assert.Equal(["order_update (en_US)", "hello_again (en_US)"], cut.FindAll("[data-testid=template-choice]").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public void A_chosen_template_is_previewed_with_the_values_and_sent_only_once_every_value_is_filled()
    {
        var cut = RenderComposer(new ReplyWindow(false, ServiceWindow.ClosedNotice, [OrderUpdate, Hello]));

        cut.FindAll("[data-testid=template-choice]")[0].Click();
        Assert.Equal("Hi {{1}}, your order {{2}} has shipped.", cut.Find("[data-testid=template-preview]").TextContent);
        Assert.True(cut.Find("[data-testid=send-template]").HasAttribute("disabled"));

        cut.FindAll("input[data-testid=template-value]")[0].Input("Sheena");
        Assert.True(cut.Find("[data-testid=send-template]").HasAttribute("disabled"));
        cut.FindAll("input[data-testid=template-value]")[1].Input("#1042");
        Assert.Equal("Hi Sheena, your order #1042 has shipped.", cut.Find("[data-testid=template-preview]").TextContent);
        cut.Find("[data-testid=send-template]").Click();

        var sent = Assert.Single(_templates);
        Assert.Equal(OrderUpdate, sent.Template);
        Assert.Equal(["Sheena", "#1042"], sent.Values);
        Assert.Empty(_replies);
    }

    [Fact]
    public void Without_approved_templates_the_agent_is_told_where_they_come_from()
    {
        var cut = RenderComposer(new ReplyWindow(false, ServiceWindow.ClosedNotice, []));

        Assert.Contains("channels page", cut.Find("[data-testid=no-templates]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=template-choice]"));
    }

    [Fact]
    public void A_note_can_still_be_written_when_the_window_is_closed()
    {
        var cut = RenderComposer(new ReplyWindow(false, ServiceWindow.ClosedNotice, [Hello]));

        cut.FindAll("[data-testid=composer-mode] button").Single(b => b.TextContent.Contains("Note")).Click();
        cut.Find("textarea").Input("Customer went quiet; sent the hello template.");
        cut.Find("[data-testid=send]").Click();

        Assert.True(Assert.Single(_replies).IsNote);
        Assert.Empty(cut.FindAll("[data-testid=template-reply]"));
    }

    [Fact]
    public void Inside_the_window_the_composer_is_the_usual_free_form_one()
    {
        var cut = RenderComposer(ReplyWindow.Open);

        Assert.Empty(cut.FindAll("[data-testid=template-reply]"));
        cut.Find("textarea").Input("Yes, in blue.");
        cut.Find("[data-testid=send]").Click();
        Assert.Equal("Yes, in blue.", Assert.Single(_replies).Text);
    }
}
