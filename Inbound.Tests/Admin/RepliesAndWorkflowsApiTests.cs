using System.Net;
using System.Text.Json;
using Inbound.Web.Admin.Replies;
using Inbound.Web.Inbox;
using Inbound.Web.Overview;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Admin;

public class RepliesAndWorkflowsApiTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private readonly Conversations _conversations = new(app);

    [Fact]
    public async Task A_closing_category_in_use_is_retired_not_deleted_so_old_conversations_keep_it_and_agents_no_longer_pick_it()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var http = admin.Http();
        var closed = await _conversations.OpenAsync("Cora Closed");
        await (await http.PostAsJsonAsync($"api/inbox/conversations/{closed}/close", new { category = "Sale", summary = "Sold" })).JsonAsync(HttpStatusCode.NoContent);
        var categories = await (await http.GetAsync("api/admin/closing-categories")).JsonAsync(HttpStatusCode.OK);
        var sale = categories.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Sale").GetProperty("id").GetGuid();
        var unused = (await (await http.PostAsJsonAsync("api/admin/closing-categories", new { name = "Duplicate" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var retired = await (await http.DeleteAsync($"api/admin/closing-categories/{sale}")).JsonAsync(HttpStatusCode.OK);
        var deleted = await (await http.DeleteAsync($"api/admin/closing-categories/{unused}")).JsonAsync(HttpStatusCode.OK);

        Assert.True(retired.GetProperty("retired").GetBoolean());
        Assert.False(deleted.GetProperty("retired").GetBoolean());
        var offered = (await (await http.GetAsync("api/admin/closing-categories")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        var all = (await (await http.GetAsync("api/admin/closing-categories?includeRetired=true")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.DoesNotContain("Sale", offered);
        Assert.Contains("Sale", all);
        Assert.DoesNotContain("Duplicate", all);
        Assert.Equal("Sale", await app.QueryAsync(db => db.Conversations.Where(c => c.Id == closed).Select(c => c.ClosingNote!.Category).SingleAsync()));
        var another = await _conversations.OpenAsync("Carl Closing");
        var refused = await (await http.PostAsJsonAsync($"api/inbox/conversations/{another}/close", new { category = "Sale", summary = "Sold" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Resolved", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Canned_responses_reach_everyone_a_team_or_only_their_author()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        await using var ben = await InboxUser.SignInAsync(app, "ben@inbound.local");
        var support = await _conversations.TeamIdAsync("Support");
        var http = admin.Http();
        await (await http.PostAsJsonAsync("api/admin/canned-responses", new { shortcut = "/refund", text = "Hi {{contact.name}}, your refund is on its way.", scope = "Workspace" })).JsonAsync(HttpStatusCode.Created);
        await (await http.PostAsJsonAsync("api/admin/canned-responses", new { shortcut = "reset", text = "Try resetting the router.", scope = "Team", teamId = support })).JsonAsync(HttpStatusCode.Created);
        await (await http.PostAsJsonAsync("api/admin/canned-responses", new { shortcut = "mine", text = "Admin's own words.", scope = "Personal" })).JsonAsync(HttpStatusCode.Created);
        Assert.Contains("shortcut", await (await http.PostAsJsonAsync("api/admin/canned-responses", new { shortcut = "two words", text = "x", scope = "Workspace" })).InvalidFieldsAsync());
        Assert.Contains("teamId", await (await http.PostAsJsonAsync("api/admin/canned-responses", new { shortcut = "t", text = "x", scope = "Team" })).InvalidFieldsAsync());

        var library = app.Services.GetRequiredService<ReplyLibrary>();
        var viewers = app.Services.GetRequiredService<InboxViewers>();
        var forBen = (await library.CannedResponsesForAsync((await ViewerAsync(viewers, "ben@inbound.local"))!)).Select(r => r.Shortcut).ToList();
        var forAna = (await library.CannedResponsesForAsync((await ViewerAsync(viewers, "ana@inbound.local"))!)).Select(r => r.Shortcut).ToList();

        Assert.Contains("refund", forBen);
        Assert.Contains("reset", forBen);
        Assert.DoesNotContain("mine", forBen);
        Assert.Contains("refund", forAna);
        Assert.DoesNotContain("reset", forAna);
        Assert.Equal(HttpStatusCode.Forbidden, (await ben.Http().GetAsync("api/admin/canned-responses")).StatusCode);
    }

    [Fact]
    public async Task A_script_exports_a_workflow_creates_one_from_the_json_validates_publishes_and_reads_its_versions()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var http = admin.Http();
        var teams = await app.QueryAsync(db => db.Teams.ToDictionaryAsync(t => t.Name, t => t.Id));
        var template = JsonDocument.Parse(Inbound.Domain.Workflows.WorkflowJson.Serialize(Inbound.Domain.Workflows.InboundConversationsTemplate.Create(teams))).RootElement;
        var existing = (await (await http.PostAsJsonAsync("api/admin/workflows", new { name = "From the template", definition = template })).JsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var exported = await (await http.GetAsync($"api/admin/workflows/{existing}/export")).JsonAsync(HttpStatusCode.OK);

        var created = await (await http.PostAsJsonAsync("api/admin/workflows", new { name = "Imported by script", definition = exported })).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var issues = await (await http.PostAsync($"api/admin/workflows/{id}/validate", null)).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(issues.EnumerateArray(), i => i.GetProperty("isError").GetBoolean());
        var published = await (await http.PostAsync($"api/admin/workflows/{id}/publish", null)).JsonAsync(HttpStatusCode.OK);
        var versions = await (await http.GetAsync($"api/admin/workflows/{id}/versions")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, published.GetProperty("versionNumber").GetInt32());
        Assert.Equal(1, versions.GetArrayLength());
        Assert.Contains("definition", await (await http.PostAsJsonAsync("api/admin/workflows", new { name = "Broken", definition = new { nodes = "not a list" } })).InvalidFieldsAsync());
        var blank = (await (await http.PostAsJsonAsync("api/admin/workflows", new { name = "Empty" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync($"api/admin/workflows/{blank}/publish", null)).StatusCode);
        var audit = await (await http.GetAsync("api/admin/audit?action=workflow.published")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("subject").GetString() == "Imported by script");
    }

    [Fact]
    public async Task The_overview_lists_a_supervisor_only_their_own_teams()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        await admin.Http().CreateTeamAsync("Night shift");
        var viewers = app.Services.GetRequiredService<InboxViewers>();
        var supervisor = (await ViewerAsync(viewers, "supervisor@inbound.local"))!;
        await using var scope = app.Services.CreateAsyncScope();
        var overview = scope.ServiceProvider.GetRequiredService<OverviewQueries>();

        var theirs = (await overview.GetAsync(supervisor.TeamIds)).Teams.Select(t => t.Team).ToList();
        var everyone = (await overview.GetAsync()).Teams.Select(t => t.Team).ToList();

        Assert.Equal(["Billing", "Sales", "Support"], theirs);
        Assert.Contains("Night shift", everyone);
    }

    private async Task<InboxViewer?> ViewerAsync(InboxViewers viewers, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Inbound.Web.Accounts.InboundUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Inbound.Web.Accounts.InboundUser>>();
        return await viewers.ResolveAsync(await principals.CreateAsync((await users.FindByEmailAsync(email))!));
    }
}
