using Bunit;
using Inbound.Web.Components.Layout;

namespace Inbound.Tests.Accessibility;

public class ThemeSwitchTests : MudComponentTest
{
    [Fact]
    public void Picking_dark_switches_the_theme_and_remembers_the_choice_in_the_browser()
    {
        var popovers = RenderPopovers();
        var picked = new List<ThemeMode>();
        var cut = Render<ThemeSwitch>(p => p.Add(s => s.Mode, ThemeMode.System).Add(s => s.ModeChanged, m => picked.Add(m)));

        cut.Find("[data-testid=theme-switch] button").Click();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll("[data-testid=theme-dark]")));
        popovers.Find("[data-testid=theme-dark]").Click();

        // The menu item's handler runs after the menu closes: on a busy machine, a moment after the click returns.
        cut.WaitForAssertion(() => Assert.Equal([ThemeMode.Dark], picked));
        cut.WaitForAssertion(() => Assert.Equal(["inbound.theme", "Dark"],
            Assert.Single(JSInterop.Invocations, i => i.Identifier == "localStorage.setItem").Arguments));
    }

    [Fact]
    public void A_choice_kept_from_an_earlier_visit_applies_when_the_page_opens()
    {
        JSInterop.Setup<string?>("localStorage.getItem", "inbound.theme").SetResult("Light");
        var picked = new List<ThemeMode>();

        Render<ThemeSwitch>(p => p.Add(s => s.Mode, ThemeMode.System).Add(s => s.ModeChanged, m => picked.Add(m)));

        Assert.Equal([ThemeMode.Light], picked);
    }

    [Fact]
    public void The_button_says_which_scheme_is_on_in_thai_too()
    {
        using var thai = new InThai();

        var cut = Render<ThemeSwitch>(p => p.Add(s => s.Mode, ThemeMode.Dark));

        Assert.Equal("ชุดสี: มืด", cut.Find("[data-testid=theme-switch] button").GetAttribute("aria-label"));
    }
}
