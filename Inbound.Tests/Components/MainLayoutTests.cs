using Bunit;
using Inbound.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace Inbound.Tests.Components;

public class MainLayoutTests : MudComponentTest
{
    public MainLayoutTests()
    {
        // The app bar's account menu reads the signed-in agent from the database; the layout is tested around it.
        ComponentFactories.AddStub<AppBarUser>("<span id='account-menu'></span>");
        // The layout ends its page's session when an admin deactivates the user.
        Services.AddSingleton(new Web.Admin.People.SignedOutUsers(TimeProvider.System));
        AddAuthorization().SetAuthorized("admin@inbound.local").SetRoles(Web.Accounts.Roles.Admin).SetPolicies(Web.Accounts.Policies.Agent, Web.Accounts.Policies.Admin);
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id='page'>Page body</p>"))));

    [Fact]
    public void For_an_admin_the_navigation_drawer_links_every_area_of_the_product()
    {
        var layout = RenderLayout();

        var links = layout.FindAll("nav a").Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href"))).ToList();
        Assert.Contains(("Overview", "/"), links.Select(l => (l.Text, l.Href == "" ? "/" : l.Href)));
        Assert.Contains(links, l => l.Text == "Inbox" && l.Href == "inbox");
        Assert.Contains(links, l => l.Text == "Workflows" && l.Href == "workflows");
        Assert.Contains(links, l => l.Text == "Contacts" && l.Href == "contacts");
        Assert.Contains(links, l => l.Text == "Settings" && l.Href == "settings");
        Assert.Equal("Page body", layout.Find("#page").TextContent);
    }

    [Fact]
    public void The_menu_button_toggles_the_drawer()
    {
        var layout = RenderLayout();
        // A responsive drawer starts open or closed by screen size; the button flips whichever it is.
        var drawerOpen = () => layout.Find(".mud-drawer").ClassList.Contains("mud-drawer--open");
        var initially = drawerOpen();

        layout.Find("button[aria-label='Toggle navigation']").Click();
        Assert.NotEqual(initially, drawerOpen());

        layout.Find("button[aria-label='Toggle navigation']").Click();
        Assert.Equal(initially, drawerOpen());
    }

    [Fact]
    public void The_app_bar_holds_the_account_menu()
    {
        var layout = RenderLayout();

        Assert.NotNull(layout.Find("header #account-menu"));
        Assert.Contains("Inbound", layout.Find("header").TextContent);
    }
}
