using Bunit;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Tests.Workflows.Designer;
using Inbound.Web.Workflows.Designer;
using Inbound.Web.Workflows.Designer.Settings;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Inbound.Tests.Localization;

/// <summary>A select that offers the values of an enum names them in the reader's language, chosen or listed.</summary>
public class ThaiEnumSelectTests : DesignerTestBase
{
    [Fact]
    public void A_thai_admin_reads_the_sources_of_a_trigger_in_thai_in_its_select()
    {
        using var thai = ThaiCulture.Use();
        var popovers = Render<MudPopoverProvider>();
        var trigger = new ConversationOpenedTrigger { Id = "t", Sources = [ConversationSource.Contact, ConversationSource.Api] };

        var panel = Render<ConversationOpenedSettings>(p => p.Add(x => x.Step, trigger).Add(x => x.Choices, DesignerChoices.Empty)
            .Add(x => x.Changed, EventCallback.Factory.Create(this, () => { })));

        var chosen = panel.Find("input").GetAttribute("value");
        Assert.Contains("ผู้ติดต่อ", chosen);
        Assert.Contains("API", chosen);
        Assert.DoesNotContain("Contact", chosen);

        panel.Find(".mud-select .mud-input-control").MouseDown();
        popovers.WaitForAssertion(() => Assert.Equal(["ผู้ติดต่อ", "ผู้ใช้", "เวิร์กโฟลว์", "API"],
            popovers.FindAll(".mud-list-item .mud-list-item-text").Select(i => i.TextContent.Trim())));
    }
}
