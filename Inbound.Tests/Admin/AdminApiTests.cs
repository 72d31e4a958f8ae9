using System.Net;
using System.Text.Json;

namespace Inbound.Tests.Admin;

public class AdminApiTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private readonly Conversations _conversations = new(app);

    [Theory]
    [InlineData("ana@inbound.local", "GET", "api/admin/users")]
    [InlineData("supervisor@inbound.local", "GET", "api/admin/users")]
    [InlineData("supervisor@inbound.local", "POST", "api/admin/teams")]
    [InlineData("ana@inbound.local", "GET", "api/admin/teams")]
    [InlineData("supervisor@inbound.local", "GET", "api/admin/contacts")]
    [InlineData("ana@inbound.local", "GET", "api/admin/audit")]
    public async Task Agent_and_supervisor_tokens_are_forbidden_what_only_admins_may_do(string email, string method, string path)
    {
        await using var user = await InboxUser.SignInAsync(app, email);
        using var response = await user.Http().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { name = "Nope" }) : null,
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_the_admin_api_answers_401()
    {
        using var http = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/admin/users")).StatusCode);
    }

    [Fact]
    public async Task A_supervisor_sees_and_manages_only_their_own_teams_another_team_is_not_found()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        await using var supervisor = await InboxUser.SignInAsync(app, "supervisor@inbound.local");
        var returns = await admin.Http().CreateTeamAsync("Returns");
        var sales = await _conversations.TeamIdAsync("Sales");

        var visible = await (await supervisor.Http().GetAsync("api/admin/teams")).JsonAsync(HttpStatusCode.OK);
        var names = visible.EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();

        Assert.Contains("Sales", names);
        Assert.DoesNotContain("Returns", names);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http().GetAsync($"api/admin/teams/{returns}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http().PutAsJsonAsync($"api/admin/teams/{returns}", new { name = "Mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await supervisor.Http().PutAsJsonAsync($"api/admin/teams/{returns}/members/{supervisor.AgentId}/capacity", new { capacity = 3 })).StatusCode);
        // Their own team they may manage.
        var ana = await app.QueryAsync(db => Task.FromResult(db.Agents.Single(a => a.Email == "ana@inbound.local").Id));
        var changed = await (await supervisor.Http().PutAsJsonAsync($"api/admin/teams/{sales}/members/{ana}/capacity", new { capacity = 7 })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(7, changed.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("agentId").GetGuid() == ana).GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_400_naming_the_field()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var http = admin.Http();
        var team = await http.CreateTeamAsync("Onboarding");

        Assert.Contains("email", await (await http.PostAsJsonAsync("api/admin/users", new { email = "not-an-email", name = "X", role = "Agent" })).InvalidFieldsAsync());
        Assert.Contains("role", await (await http.PostAsJsonAsync("api/admin/users", new { email = "x@example.com", name = "X", role = "Boss" })).InvalidFieldsAsync());
        Assert.Contains("password", await (await http.PostAsJsonAsync("api/admin/users", new { email = "y@example.com", name = "Y", role = "Agent", password = "short" })).InvalidFieldsAsync());
        Assert.Contains("name", await (await http.PostAsJsonAsync("api/admin/teams", new { name = " " })).InvalidFieldsAsync());
        Assert.Contains("name", await (await http.PostAsJsonAsync("api/admin/teams", new { name = "Sales" })).InvalidFieldsAsync());
        Assert.Contains("timeZone", await (await http.PutAsJsonAsync($"api/admin/teams/{team}/hours", new { timeZone = "Mars/Olympus", hours = Array.Empty<object>() })).InvalidFieldsAsync());
        Assert.Contains("capacity", await (await http.PutAsJsonAsync($"api/admin/users/{await UserIdAsync("ben@inbound.local")}", new { capacity = 0 })).InvalidFieldsAsync());
        Assert.Contains("key", await (await http.PutAsJsonAsync("api/admin/contact-fields", new { key = "9 lives", type = "Text" })).InvalidFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync($"api/admin/users/{Guid.NewGuid()}/deactivate", null)).StatusCode);
    }

    [Fact]
    public async Task An_admin_provisions_a_team_with_hours_and_an_agent_in_it_and_the_audit_log_says_so()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var http = admin.Http();
        var team = await http.CreateTeamAsync("Partners");
        var hours = await (await http.PutAsJsonAsync($"api/admin/teams/{team}/hours", new
        {
            timeZone = "Europe/Berlin",
            hours = new[] { new { day = "Monday", opens = "09:00:00", closes = "17:00:00" } },
        })).JsonAsync(HttpStatusCode.OK);
        var created = await (await http.PostAsJsonAsync("api/admin/users", new { email = "pia@example.com", name = "Pia Partner", role = "Agent", teamIds = new[] { team } }))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal("Europe/Berlin", hours.GetProperty("timeZone").GetString());
        Assert.Contains("/account/invite?user=", created.GetProperty("inviteUrl").GetString());
        var details = await (await http.GetAsync($"api/admin/teams/{team}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Pia Partner", details.GetProperty("members")[0].GetProperty("name").GetString());
        var audit = await (await http.GetAsync("api/admin/audit?search=Partner")).JsonAsync(HttpStatusCode.OK);
        var actions = audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("team.created", actions);
        Assert.Contains("team.hours", actions);
        Assert.Contains("user.created", actions);
        Assert.All(audit.EnumerateArray(), e => Assert.Equal("Alex Admin", e.GetProperty("actorName").GetString()));
    }

    [Fact]
    public async Task Deleting_a_team_with_open_conversations_is_refused_with_the_reason_and_allowed_once_it_has_none()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var http = admin.Http();
        var team = await http.CreateTeamAsync("Seasonal");
        var conversation = await _conversations.OpenAsync("Olga Open");
        await _conversations.RouteAsync(conversation, team);

        var refused = await (await http.DeleteAsync($"api/admin/teams/{team}")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("1 open conversation", refused.GetProperty("detail").GetString());

        await (await http.PostAsJsonAsync($"api/inbox/conversations/{conversation}/close", new { category = "Resolved", summary = "done" })).JsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"api/admin/teams/{team}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"api/admin/teams/{team}")).StatusCode);
    }

    [Fact]
    public async Task Contact_fields_check_values_by_their_type()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var http = admin.Http();
        await (await http.PutAsJsonAsync("api/admin/contact-fields", new { key = "Seats", label = "Seats", type = "Number" })).JsonAsync(HttpStatusCode.OK);
        await (await http.PutAsJsonAsync("api/admin/contact-fields", new { key = "Plan", label = "Plan", type = "Choice", choices = new[] { "Free", "Pro" } })).JsonAsync(HttpStatusCode.OK);
        var conversation = await _conversations.OpenAsync("Fiona Fields");
        var contactId = await app.QueryAsync(db => Task.FromResult(db.Conversations.Single(c => c.Id == conversation).ContactId));

        Assert.Contains("fields.Seats", await (await http.PutAsJsonAsync($"api/admin/contacts/{contactId}", new { fields = new { Seats = "many" } })).InvalidFieldsAsync());
        Assert.Contains("fields.Plan", await (await http.PutAsJsonAsync($"api/admin/contacts/{contactId}", new { fields = new { Plan = "Gold" } })).InvalidFieldsAsync());
        await (await http.PutAsJsonAsync($"api/admin/contacts/{contactId}", new { fields = new { Seats = "12", Plan = "pro" }, tags = new[] { "vip" } })).JsonAsync(HttpStatusCode.OK);

        var contact = await (await http.GetAsync($"api/admin/contacts/{contactId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Pro", contact.GetProperty("fields").GetProperty("Plan").GetString());
        var found = await (await http.GetAsync("api/admin/contacts?search=pro&tag=VIP")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(found.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == contactId);
    }

    [Fact]
    public async Task Fields_an_admin_defines_are_offered_by_the_designers_field_pickers()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        await (await admin.Http().PutAsJsonAsync("api/admin/contact-fields", new { key = "LoyaltyTier", label = "Loyalty tier", type = "Choice", choices = new[] { "Gold" } }))
            .JsonAsync(HttpStatusCode.OK);
        await using var scope = app.Services.CreateAsyncScope();

        var choices = await scope.ServiceProvider.GetRequiredService<Inbound.Web.Workflows.Designer.DesignerChoicesQuery>().LoadAsync();

        Assert.Contains("LoyaltyTier", choices.ContactFields);
    }

    [Fact]
    public async Task Creating_and_revoking_a_token_is_in_the_audit_log()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");

        var audit = await (await admin.Http().GetAsync("api/admin/audit?action=token.")).JsonAsync(HttpStatusCode.OK);

        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "token.created" && e.GetProperty("actorName").GetString() == "Alex Admin");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_admin_endpoints()
    {
        using var http = app.CreateHttpClient();

        var document = await (await http.GetAsync("openapi/v1.json")).JsonAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/admin/users", paths);
        Assert.Contains("/api/admin/teams/{teamId}", paths);
        Assert.Contains("/api/admin/contacts/{contactId}/merge", paths);
        Assert.Contains("/api/admin/workflows/{id}/publish", paths);
        Assert.Contains("/api/admin/audit", paths);
    }

    private Task<string> UserIdAsync(string email) => app.QueryAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).Id));
}
