using Bunit;
using Inbound.Web.Localization;
using MudBlazor;

namespace Inbound.Tests.Localization;

/// <summary>MudBlazor's own texts (here the name of an alert's close button) follow the user's language.</summary>
public sealed class ThaiMudTextsTests : MudComponentTest
{
    public ThaiMudTextsTests() => Services.AddTransient<MudLocalizer, MudTexts>();

    private IRenderedComponent<MudAlert> Alert() => Render<MudAlert>(p => p.Add(a => a.ShowCloseIcon, true).AddChildContent("!"));

    [Fact]
    public void A_close_button_of_MudBlazor_is_named_in_Thai_for_a_Thai_user_and_in_English_otherwise()
    {
        var english = Alert().Find("button").GetAttribute("aria-label");
        string? thai;
        using (ThaiCulture.Use()) thai = Alert().Find("button").GetAttribute("aria-label");

        Assert.Equal("Close", english);
        Assert.Equal("ปิด", thai);
    }
}
