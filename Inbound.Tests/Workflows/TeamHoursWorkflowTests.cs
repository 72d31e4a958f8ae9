using System.Net;
using Inbound.Domain.Workflows;
using Inbound.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inbound.Tests.Workflows;

/// <summary>A published Business hours step on the Support team's hours follows the teams page, without publishing again.</summary>
public class TeamHoursWorkflowTests : IAsyncLifetime
{
    // Wednesday 2 December 2026, 12:00 UTC.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly InboundApp _app;
    private ChannelClient _channel = null!;

    public TeamHoursWorkflowTests() => _app = new NoWorkflowsApp().WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        _channel = new ChannelClient(_app.CreateHttpClient());
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>trigger → Business hours on the team's hours → "open" or "closed" message → end.</summary>
    private static WorkflowDefinition AnswersByTeamHours(Guid teamId) => new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger" })
        .Add(new BusinessHoursStep { Id = "hours", TeamId = teamId })
        .Add(new SendMessageStep { Id = "open", Text = "We are open" })
        .Add(new SendMessageStep { Id = "closed", Text = "We are closed" })
        .Add(new EndStep { Id = "end" })
        .Connect("trigger", Outcomes.Next, "hours")
        .Connect("hours", Outcomes.Open, "open")
        .Connect("hours", Outcomes.Closed, "closed")
        .Connect("open", Outcomes.Next, "end")
        .Connect("closed", Outcomes.Next, "end");

    private static async Task SetHoursAsync(HttpClient http, Guid team, string timeZone, string opens, string closes) =>
        await (await http.PutAsJsonAsync($"api/admin/teams/{team}/hours", new
        {
            timeZone,
            hours = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(day => new { day, opens, closes }),
        })).JsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task A_change_of_the_teams_hours_on_the_admin_api_sends_the_next_message_down_the_closed_path_without_republishing()
    {
        await using var admin = await InboxUser.SignInAsync(_app, "admin@inbound.local");
        var support = await _app.TeamIdAsync("Support");
        await SetHoursAsync(admin.Http(), support, "Europe/London", "09:00:00", "17:00:00");
        await _app.PublishAsync("Support hours", AnswersByTeamHours(support));

        var before = await _channel.SendOkAsync(NewId("m"), NewId("contact"), "Hello at noon");
        await _app.WorkflowMessageAsync(before.ConversationId, "We are open");

        // Noon in London is 07:00 in New York: the team now opens five hours later.
        await SetHoursAsync(admin.Http(), support, "America/New_York", "09:00:00", "17:00:00");
        var after = await _channel.SendOkAsync(NewId("m"), NewId("contact"), "Hello again at noon");

        await _app.WorkflowMessageAsync(after.ConversationId, "We are closed");
        var run = await _app.RunAsync(after.ConversationId, r => r.EndedAt is not null, "the run to end");
        Assert.Equal(Outcomes.Closed, run.Log.Single(l => l.NodeId == "hours").Outcome);
    }
}
