using System.Net;
using Inbound.Domain.Sla;
using Inbound.Tests.Admin;
using Inbound.Web.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Inbound.Tests.Sla;

/// <summary>
/// Support works Monday to Friday 09:00–17:00 in Berlin and promises a first reply within 2 business hours and a close
/// within 8. A contact writes on Friday at 16:00 Berlin time, on a fake clock.
/// </summary>
public class SlaBreachTests : IAsyncLifetime
{
    private static readonly DateTime FridayAt1600Berlin = new(2026, 12, 4, 15, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime MondayAt1000Berlin = new(2026, 12, 7, 9, 0, 0);
    private static readonly DateTime MondayAt1600Berlin = new(2026, 12, 7, 15, 0, 0);

    private readonly FakeTimeProvider _clock = new(FridayAt1600Berlin);
    private readonly InboundApp _app;
    private Conversations _conversations = null!;
    private Guid _support;

    public SlaBreachTests() => _app = new NoWorkflowsApp().WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        _conversations = new Conversations(_app);
        _support = await _conversations.TeamIdAsync("Support");
        await using var admin = await InboxUser.SignInAsync(_app, "admin@inbound.local");
        await (await admin.Http().PutAsJsonAsync($"api/admin/teams/{_support}/hours", new
        {
            timeZone = "Europe/Berlin",
            hours = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(day => new { day, opens = "09:00:00", closes = "17:00:00" }),
        })).JsonAsync(HttpStatusCode.OK);
        var team = await (await admin.Http().PutAsJsonAsync($"api/admin/teams/{_support}/sla", new TeamSla(120, 480))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("02:00:00", team.GetProperty("firstResponseTarget").GetString());
    }

    private sealed record TeamSla(int? FirstResponseMinutes, int? ResolutionMinutes);

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private Task<List<SlaBreach>> BreachesAsync(Guid id) =>
        _app.QueryAsync(db => db.Set<SlaBreach>().AsNoTracking().Where(b => b.ConversationId == id).OrderBy(b => b.DueAt).ToListAsync());

    /// <summary>
    /// Waits for a breach while the clock goes on ticking, as a real one does: the check sleeps on the clock after each
    /// pass, so an advance made while a pass was still reading would otherwise never wake it.
    /// </summary>
    private Task<List<SlaBreach>> BreachAsync(Guid id, string what) => Eventually.GetAsync(async () =>
    {
        if (await BreachesAsync(id) is { Count: > 0 } found) return found;
        _clock.Advance(TimeSpan.FromSeconds(1));
        return null;
    }, what);

    [Fact]
    public async Task Routing_to_the_team_stores_due_times_in_its_business_hours_and_a_missed_first_reply_is_recorded_once_with_the_agent()
    {
        var ben = await _app.QueryAsync(db => db.Agents.Where(a => a.Email == "ben@inbound.local").Select(a => a.Id).SingleAsync());
        var id = await _conversations.OpenAsync("Dana Weekend");
        await _conversations.AssignAsync(id, ben, _support);

        var stored = await _app.QueryAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(MondayAt1000Berlin, stored.FirstResponseDueAt);
        Assert.Equal(MondayAt1600Berlin, stored.ResolutionDueAt);

        // The whole weekend passes: no business time, no breach.
        _clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(17));
        Assert.Empty(await BreachesAsync(id));

        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(20));
        var breach = Assert.Single(await BreachAsync(id, "the first-response breach"));
        Assert.Equal((SlaKind.FirstResponse, MondayAt1000Berlin, _support, (Guid?)ben), (breach.Kind, breach.DueAt, breach.TeamId, breach.AgentId));
        Assert.True(breach.BreachedAt >= MondayAt1000Berlin);

        // Two more checks racing the background one write nothing twice.
        var check = _app.Services.GetServices<IHostedService>().OfType<SlaBreachCheck>().Single();
        await Task.WhenAll(check.CheckAsync(CancellationToken.None), check.CheckAsync(CancellationToken.None));
        Assert.Single(await BreachesAsync(id));
    }

    [Fact]
    public async Task An_answer_in_time_breaches_nothing_but_a_conversation_still_open_at_its_resolution_target_does()
    {
        var ben = await _app.QueryAsync(db => db.Agents.Where(a => a.Email == "ben@inbound.local").Select(a => a.Id).SingleAsync());
        var id = await _conversations.OpenAsync("Eli Answered");
        await _conversations.AssignAsync(id, ben, _support);
        await using (var agent = await InboxUser.SignInAsync(_app, "ben@inbound.local"))
            (await agent.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/replies", new { text = "Looking into it" })).EnsureSuccessStatusCode();

        _clock.Advance(MondayAt1600Berlin - FridayAt1600Berlin + TimeSpan.FromSeconds(20));

        var breach = Assert.Single(await BreachAsync(id, "the resolution breach"));
        Assert.Equal((SlaKind.Resolution, MondayAt1600Berlin), (breach.Kind, breach.DueAt));
    }
}
