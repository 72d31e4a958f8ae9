using Bunit;
using Inbound.Web.Inbox;
using Inbound.Web.Inbox.Components;

namespace Inbound.Tests.Inbox;

public class ComposerTests : MudComponentTest
{
    private static readonly IReadOnlyList<CannedResponse> Canned =
    [
        new() { Shortcut = "order", Text = "Could you send me your order number, please?" },
        new() { Shortcut = "thanks", Text = "Thanks for your patience!" },
    ];

    private readonly List<ComposerMessage> _sent = [];

    private IRenderedComponent<Composer> RenderComposer(bool accept = true) => Render<Composer>(p => p
        .Add(x => x.CannedResponses, Canned)
        .Add(x => x.OnSend, m =>
        {
            _sent.Add(m);
            return Task.FromResult(accept);
        }));

    [Fact]
    public void Sending_a_reply_hands_over_the_text_and_clears_the_box()
    {
        var cut = RenderComposer();

        cut.Find("textarea").Input("  Your parcel left today.  ");
        cut.Find("[data-testid=send]").Click();

        var sent = Assert.Single(_sent);
        Assert.False(sent.IsNote);
        Assert.Equal("Your parcel left today.", sent.Text);
        Assert.Equal("", cut.Find("textarea").GetAttribute("value") ?? "");
    }

    [Fact]
    public void An_attached_file_is_listed_and_goes_out_with_the_reply_even_without_text()
    {
        var cut = RenderComposer();
        Assert.True(cut.Find("[data-testid=send]").HasAttribute("disabled"));

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromText("%PDF-1.4", "label.pdf", contentType: "application/pdf"));

        Assert.Contains("label.pdf", cut.Find("[data-testid=composer-files]").TextContent);
        cut.Find("[data-testid=send]").Click();
        var sent = Assert.Single(_sent);
        Assert.Equal("", sent.Text);
        Assert.Equal("label.pdf", Assert.Single(sent.Files).Name);
        Assert.Empty(cut.FindAll("[data-testid=composer-files]"));
    }

    [Fact]
    public void In_note_mode_the_text_goes_out_as_an_internal_note()
    {
        var cut = RenderComposer();

        cut.FindAll("[data-testid=composer-mode] button").Single(b => b.TextContent.Contains("Note")).Click();
        cut.Find("textarea").Input("Customer is a VIP");
        cut.Find("[data-testid=send]").Click();

        var sent = Assert.Single(_sent);
        Assert.True(sent.IsNote);
        Assert.Contains("Add note", cut.Find("[data-testid=send]").TextContent);
    }

    [Fact]
    public void Typing_a_slash_offers_matching_canned_responses_and_picking_one_fills_the_box()
    {
        var cut = RenderComposer();

        cut.Find("textarea").Input("/ord");
        var offered = cut.FindAll("[data-testid=canned-item]");
        Assert.Single(offered);
        offered[0].Click();

        Assert.Equal("Could you send me your order number, please?", cut.Find("textarea").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=canned-list]"));
    }

    [Fact]
    public void A_slash_search_also_finds_canned_responses_by_words_of_their_text()
    {
        var cut = RenderComposer();

        cut.Find("textarea").Input("/your patience");

        var offered = Assert.Single(cut.FindAll("[data-testid=canned-item]"));
        Assert.Contains("/thanks", offered.TextContent);
    }

    [Fact]
    public void Ctrl_enter_sends()
    {
        var cut = RenderComposer();

        cut.Find("textarea").Input("Quick answer");
        cut.Find("textarea").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter", CtrlKey = true });

        Assert.Equal("Quick answer", Assert.Single(_sent).Text);
    }

    [Fact]
    public void An_empty_box_cannot_be_sent_and_a_failed_send_keeps_the_text()
    {
        var cut = RenderComposer(accept: false);

        Assert.True(cut.Find("[data-testid=send]").HasAttribute("disabled"));
        cut.Find("textarea").Input("Will fail");
        cut.Find("[data-testid=send]").Click();

        Assert.Single(_sent);
        Assert.Equal("Will fail", cut.Find("textarea").GetAttribute("value"));
    }
}
