using System.Text.RegularExpressions;
using Inbound.Domain.Workflows;
using Inbound.Tests.Admin;
using Inbound.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>A business moves in: the admin sets up a team and a person, and that person's first conversation arrives.</summary>
public class WorkspaceSetupTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_creates_a_team_and_an_agent_who_sets_a_password_goes_online_and_gets_a_conversation_the_workflow_routes_there()
    {
        var admin = await app.SignInAsync("admin@inbound.local", "settings/users");
        IPage? agent = null, visitor = null;
        try
        {
            // The person, invited without a password: the link is shown once.
            await admin.Locator("#new-person-name").FillAsync("Pia Partner");
            await admin.Locator("#new-person-email").FillAsync("pia@partners.example");
            await admin.GetByTestId("new-person-create").ClickAsync();
            var link = admin.Locator("[data-testid=invite-link] code");
            await Expect(link).ToContainTextAsync("/account/invite?user=");
            var inviteUrl = await link.InnerTextAsync();
            await Expect(admin.Locator("[data-testid=user-row]", new() { HasText = "pia@partners.example" })).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(admin, "settings-users-invite");

            // The team, with her in it.
            await BrowserFixture.OpenAsync(admin, "settings/teams");
            await admin.Locator("#new-team-name").FillAsync("Partners");
            await admin.GetByTestId("new-team-create").ClickAsync();
            var card = admin.Locator("[data-testid=team-card][data-team=Partners]");
            await Expect(card).ToBeVisibleAsync();
            await UntilShown.PickAsync(card.Locator(".mud-select", new() { HasText = "Add a member" }).First, "Pia Partner",
                card.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).And(card.Locator(":enabled")));
            await card.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Expect(card.Locator("[data-testid=team-member]", new() { HasText = "Pia Partner" })).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(admin, "settings-teams");

            // The seeded workflow's Sales answer now goes to Partners.
            var workflowId = (await app.Services.GetRequiredService<WorkflowService>().ListAsync()).Single(w => w.Name == InboundConversationsTemplate.Name).Id;
            await DesignerPage.OpenAsync(admin, workflowId);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Zoom to fit" }).ClickAsync();
            var assign = DesignerPage.Node(admin, "assign-sales");
            await assign.Locator(".wf-node-head").ClickAsync();
            var settings = admin.GetByTestId("settings");
            await UntilShown.PickAsync(settings.Locator(".mud-select", new() { HasText = "Team" }).First, "Partners",
                assign.Locator(".wf-node-summary", new() { HasText = "Assign to Partners" }));
            await Expect(admin.GetByText("Ready to publish")).ToBeVisibleAsync();
            await admin.GetByTestId("publish").ClickAsync();
            await Expect(admin.GetByTestId("workflow-status")).ToHaveTextAsync(new Regex("^Live"));

            // Pia sets her password from the link, signs in with it and goes online.
            agent = await app.NewPageAsync(1280, 860);
            await agent.GotoAsync(inviteUrl);
            await agent.Locator("#password").FillAsync("Partners!2026");
            await agent.Locator("#confirm").FillAsync("Partners!2026");
            await agent.Locator("button[type=submit]").ClickAsync();
            await Expect(agent.Locator("#email")).ToBeVisibleAsync();
            await agent.Locator("#email").FillAsync("pia@partners.example");
            await agent.Locator("#password").FillAsync("Partners!2026");
            await agent.Locator("button[type=submit]").ClickAsync();
            await Expect(agent).ToHaveURLAsync(new Regex("/inbox$"));
            await Expect(agent.Locator(".mud-layout[data-interactive=true]")).ToBeVisibleAsync();
            await UntilShown.PickAsync(agent.Locator("[data-testid=appbar-user]"), "Online", agent.Locator("[data-testid=availability]", new() { HasText = "Online" }));

            // A visitor asks Sales: the workflow routes to Partners, where Pia is the one online.
            visitor = await app.NewPageAsync(420, 720);
            var name = $"Nia {Guid.NewGuid():N}"[..12];
            await visitor.GotoAsync("chat");
            await Expect(visitor.Locator("[data-testid=webchat-input]")).ToBeEnabledAsync();
            await visitor.Locator("[data-testid=webchat-name]").FillAsync(name);
            await visitor.Locator("[data-testid=webchat-input]").FillAsync("Hi, I would like a partner discount");
            await visitor.Locator("[data-testid=webchat-send]").ClickAsync();
            var question = visitor.Locator("[data-testid=reply]", new() { HasText = "What can we help you with?" });
            await question.GetByRole(AriaRole.Button, new() { Name = "Sales" }).ClickAsync();

            var item = agent.Locator($"[data-testid=conversation-item]:has-text('{name}')");
            await Expect(item).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await item.ClickAsync();
            await Expect(agent.Locator("[data-testid=system-event]", new() { HasText = "Assigned to Pia Partner by workflow" })).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(agent, "new-agent-inbox");
            var partners = await app.QueryAsync(db => db.Teams.Where(t => t.Name == "Partners").Select(t => t.Id).SingleAsync());
            Assert.True(await app.QueryAsync(db => db.Conversations.AnyAsync(c => c.TeamId == partners && c.Status == Inbound.Domain.Conversations.ConversationStatus.Open)));
        }
        catch
        {
            await Chromium.ScreenshotAsync(admin, "failure-setup-admin");
            if (agent is not null) await Chromium.ScreenshotAsync(agent, "failure-setup-agent");
            if (visitor is not null) await Chromium.ScreenshotAsync(visitor, "failure-setup-visitor");
            throw;
        }
    }

    [Fact]
    public async Task A_deactivated_agents_open_page_is_signed_out_at_once_and_cannot_sign_in_again()
    {
        var page = await app.SignInAsync("dev@inbound.local", "inbox");
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var devId = await app.QueryAsync(db => db.Users.Where(u => u.Email == "dev@inbound.local").Select(u => u.Id).SingleAsync());

        await (await admin.Http().PostAsync($"api/admin/users/{devId}/deactivate", null)).JsonAsync(System.Net.HttpStatusCode.OK);

        // Without a click or a reload, the open page lands on the login form: its cookie no longer signs anyone in.
        await Expect(page.Locator("#email")).ToBeVisibleAsync();
        await page.Locator("#email").FillAsync("dev@inbound.local");
        await page.Locator("#password").FillAsync(InboundApp.DemoPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#login-error")).ToHaveTextAsync("This account was deactivated: ask your admin.");
        await Chromium.ScreenshotAsync(page, "deactivated-sign-in");
    }

    [Fact]
    public async Task The_audit_log_page_lists_admin_actions_and_filters_them_by_action()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        await admin.Http().CreateTeamAsync("Audited team");
        var page = await app.SignInAsync("admin@inbound.local", "settings/audit");

        var entry = page.Locator("[data-testid=audit-entry]", new() { HasText = "Team Audited team" });
        await Expect(entry).ToContainTextAsync("team.created");
        await Expect(entry).ToContainTextAsync("Alex Admin");
        await UntilShown.PickAsync(page.Locator(".mud-select", new() { HasText = "Action" }).First, "token.created",
            page.Locator(".mud-select", new() { HasText = "token.created" }).First);
        await Expect(page.Locator("[data-testid=audit-entry]", new() { HasText = "Team Audited team" })).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=audit-entry]").First).ToContainTextAsync("token.created");
        await Chromium.ScreenshotAsync(page, "settings-audit");
    }

    [Fact]
    public async Task An_admin_deactivates_and_reactivates_a_person_from_the_users_page()
    {
        var page = await app.SignInAsync("admin@inbound.local", "settings/users");
        var row = page.Locator("[data-testid=user-row]", new() { HasText = "carla@inbound.local" });

        await UntilShown.ClickAsync(row.Locator("[data-testid=user-menu] button"), page.Locator(".mud-popover-open").GetByText("Deactivate", new() { Exact = true }));
        await page.Locator(".mud-popover-open").GetByText("Deactivate", new() { Exact = true }).ClickAsync();

        await Expect(row.GetByTestId("user-deactivated")).ToBeVisibleAsync();
        await Expect(page.GetByText("Deactivated Carla Agent: signed out everywhere")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "settings-users-deactivated");
        Assert.NotNull(await app.QueryAsync(db => db.Users.Where(u => u.Email == "carla@inbound.local").Select(u => u.DeactivatedAt).SingleAsync()));

        await UntilShown.ClickAsync(row.Locator("[data-testid=user-menu] button"), page.Locator(".mud-popover-open").GetByText("Reactivate", new() { Exact = true }));
        await page.Locator(".mud-popover-open").GetByText("Reactivate", new() { Exact = true }).ClickAsync();
        await Expect(row.GetByTestId("user-deactivated")).ToHaveCountAsync(0);
    }
}
