using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inbound.Tests.Workflows;

/// <summary>The seeded workflow out of hours, on a fake clock: one message that says what happens, then the team's morning.</summary>
public class OutOfHoursWorkflowTests : IAsyncLifetime
{
    // Saturday 03:00 in Berlin; the seeded hours open Monday 08:00 (07:00 UTC).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private readonly InboundApp _app;
    private ChannelClient _channel = null!;

    public OutOfHoursWorkflowTests() => _app = new InboundApp().WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        _channel = new ChannelClient(_app.CreateHttpClient());
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task At_night_the_contact_hears_once_when_the_team_opens_and_an_online_agent_gets_the_conversation_only_then()
    {
        await _app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Online);
        var contact = NewId("contact");
        var opened = await _channel.SendOkAsync(NewId("m"), contact, "Hi, do you ship to Norway?");
        await _app.WorkflowMessageAsync(opened.ConversationId, "What can we help you with?");

        await _channel.SendOkAsync(NewId("m"), contact, "Sales");

        var closed = await _app.WorkflowMessageAsync(opened.ConversationId, "closed");
        // A contact who gave no name over the API is greeted with the fallback word, not their external id.
        Assert.Equal("Hi there, we're closed right now. We open on Monday at 08:00 (Berlin time) and our Sales team will answer you then.", closed);
        var run = await _app.RunAsync(opened.ConversationId, r => r.CurrentNodeId == "wait-open" && r.Status == RunStatus.Waiting, "the run to wait for opening");
        Assert.Equal(new DateTime(2026, 11, 30, 7, 0, 0), run.WakeAt);
        var conversation = await _app.QueryAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == opened.ConversationId));
        Assert.Null(conversation.AssigneeId);

        // Ana frees capacity at night: the queue drains, and this conversation is not in it.
        await _app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Away);
        await _app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Online);
        _clock.Advance(TimeSpan.FromHours(52)); // Monday 06:00 UTC, 07:00 in Berlin
        Assert.Null((await _app.QueryAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == opened.ConversationId))).AssigneeId);

        _clock.Advance(TimeSpan.FromHours(1));

        var assigned = await _app.AssignedConversationAsync(opened.ConversationId);
        Assert.Equal(await _app.AgentIdAsync("ana@inbound.local"), assigned.AssigneeId);
        var sent = await _app.QueryAsync(db => db.Messages
            .Where(m => m.ConversationId == opened.ConversationId && m.AuthorKind == AuthorKind.Workflow && m.Direction == MessageDirection.Outbound)
            .Select(m => m.Body).ToListAsync());
        Assert.Equal(2, sent.Count);
        Assert.DoesNotContain(sent, s => s.Contains("in line"));
    }
}
