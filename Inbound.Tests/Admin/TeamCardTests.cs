using Bunit;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Web.Accounts;
using Inbound.Web.Admin.Teams;
using Inbound.Web.Contacts;

namespace Inbound.Tests.Admin;

public class TeamCardTests : MudComponentTest
{
    private static readonly TeamMemberInfo Sam = new(Guid.NewGuid(), "Sam Supervisor", "sam@example.com", Roles.Supervisor, 5, Active: true);
    private static readonly TeamMemberInfo Ben = new(Guid.NewGuid(), "Ben Agent", "ben@example.com", Roles.Agent, 3, Active: false);

    private static readonly TeamDetails Support = new(Guid.NewGuid(), "Support", "Europe/Berlin",
        BusinessHoursStep.Weekdays(new TimeOnly(8, 0), new TimeOnly(18, 0)), [Ben, Sam], OpenConversations: 4);

    [Fact]
    public void A_team_shows_its_supervisors_and_deactivated_members_apart_and_its_hours()
    {
        RenderPopovers();
        var cut = Render<TeamCard>(p => p.Add(x => x.Team, Support).Add(x => x.People, []));

        var members = cut.FindAll("[data-testid=team-member]");
        Assert.Contains("Supervisor", members.Single(m => m.TextContent.Contains("Sam Supervisor")).TextContent);
        Assert.Contains("Deactivated", members.Single(m => m.TextContent.Contains("Ben Agent")).TextContent);
        Assert.DoesNotContain("Supervisor", members.Single(m => m.TextContent.Contains("Ben Agent")).TextContent);
        Assert.Contains("4 open", cut.Markup);
        Assert.Equal("08:00", cut.Find("input[aria-label='Opening time of Support']").GetAttribute("value"));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Delete team"));
    }

    [Fact]
    public void Removing_a_member_and_saving_hours_raise_what_the_admin_chose()
    {
        (TeamDetails Team, TeamMemberInfo Member)? removed = null;
        (TeamDetails Team, string TimeZone, string Opens, string Closes)? hours = null;
        RenderPopovers();
        var cut = Render<TeamCard>(p => p.Add(x => x.Team, Support).Add(x => x.People, []).Add(x => x.CanDelete, true)
            .Add(x => x.OnRemoveMember, r => removed = r)
            .Add(x => x.OnHours, h => hours = h));

        cut.Find("button[aria-label='Remove Ben Agent from Support']").Click();
        cut.Find("input[aria-label='Closing time of Support']").Change("17:30");
        cut.FindAll("button").Single(b => b.TextContent.Contains("Save hours")).Click();

        Assert.Equal(Ben, removed?.Member);
        Assert.Equal(("Europe/Berlin", "08:00", "17:30"), (hours?.TimeZone, hours?.Opens, hours?.Closes));
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Contains("Delete team"));
    }

    [Fact]
    public void A_contacts_timeline_links_each_conversation_to_the_inbox_and_says_who_opened_it()
    {
        var id = Guid.NewGuid();
        var cut = Render<ContactTimeline>(p => p.Add(x => x.Conversations, [
            new ContactConversation(id, ConversationStatus.Closed, ConversationSource.User, "WhatsApp", "Sales", "Ana Agent",
                new DateTime(2026, 11, 3, 9, 30, 0), new DateTime(2026, 11, 3, 10, 0, 0), "Sale", "Your order shipped"),
        ]));

        Assert.Contains("opened by an agent", cut.Markup);
        Assert.Contains("closed as Sale", cut.Markup);
        Assert.Contains($"inbox/{id}", cut.Markup);
    }
}
