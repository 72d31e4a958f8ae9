using Bunit;
using Inbound.Web.Accounts;
using Inbound.Web.Components.Layout;

namespace Inbound.Tests.Components;

public class NavMenuTests : MudComponentTest
{
    private IReadOnlyList<string> LinksFor(string role, params string[] policies)
    {
        AddAuthorization().SetAuthorized($"{role.ToLowerInvariant()}@inbound.local").SetRoles(role).SetPolicies(policies);
        return Render<NavMenu>().FindAll("a").Select(a => a.TextContent.Trim()).ToList();
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Supervisor)]
    public void Agents_and_supervisors_see_the_overview_and_inbox_but_not_workflows_or_settings(string role)
    {
        var links = LinksFor(role, Policies.Agent, role == Roles.Supervisor ? Policies.Supervisor : Policies.Agent);

        Assert.Equal(["Overview", "Inbox"], links);
    }

    [Fact]
    public void An_admin_also_sees_workflows_settings_and_channels()
    {
        var links = LinksFor(Roles.Admin, Policies.Agent, Policies.Supervisor, Policies.Admin);

        Assert.Equal(["Overview", "Inbox", "Workflows", "Settings", "Channels"], links);
    }
}
