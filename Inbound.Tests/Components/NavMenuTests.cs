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
    public void Agents_and_supervisors_see_the_inbox_contacts_and_replies_but_not_workflows_or_settings(string role)
    {
        var links = LinksFor(role, Policies.Agent, role == Roles.Supervisor ? Policies.Supervisor : Policies.Agent);

        // Supervisors also manage their own teams.
        string[] expected = role == Roles.Supervisor
            ? ["Overview", "Inbox", "Contacts", "Replies", "Teams"]
            : ["Overview", "Inbox", "Contacts", "Replies"];
        Assert.Equal(expected, links);
    }

    [Fact]
    public void An_admin_also_sees_workflows_settings_and_channels()
    {
        var links = LinksFor(Roles.Admin, Policies.Agent, Policies.Supervisor, Policies.Admin);

        Assert.Equal(["Overview", "Inbox", "Contacts", "Replies", "Workflows", "Settings", "Channels"], links);
    }
}
