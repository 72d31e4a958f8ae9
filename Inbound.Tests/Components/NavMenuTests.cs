using System.Globalization;
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

    [Fact]
    public void Agents_see_the_overview_inbox_contacts_and_replies_but_not_queues_workflows_or_settings()
    {
        var links = LinksFor(Roles.Agent, Policies.Agent);

        Assert.Equal(["Overview", "Inbox", "Contacts", "Replies"], links);
    }

    [Fact]
    public void Supervisors_also_see_the_queues_the_reports_and_their_teams()
    {
        var links = LinksFor(Roles.Supervisor, Policies.Agent, Policies.Supervisor);

        Assert.Equal(["Overview", "Inbox", "Contacts", "Replies", "Queues", "Reports", "Teams"], links);
    }

    [Fact]
    public void An_admin_also_sees_queues_reports_workflows_settings_and_channels()
    {
        var links = LinksFor(Roles.Admin, Policies.Agent, Policies.Supervisor, Policies.Admin);

        Assert.Equal(["Overview", "Inbox", "Contacts", "Replies", "Queues", "Reports", "Workflows", "Settings", "Channels"], links);
    }

    [Fact]
    public void A_thai_agent_reads_the_menu_in_thai()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("th-TH");
        try
        {
            var links = LinksFor(Roles.Agent, Policies.Agent);

            Assert.Equal(["ภาพรวม", "กล่องข้อความ", "รายชื่อติดต่อ", "ข้อความตอบกลับ"], links);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
