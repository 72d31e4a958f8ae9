using System.Net.Http.Json;
using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Inbound.Tests.Workflows;

/// <summary>
/// An assignment step that takes a conversation back from an agent who does not reply within 10 minutes, on a fake
/// clock. Support: Ben and Carla online; round robin gives the first conversation to whoever is first in rotation.
/// </summary>
public class InactivityReassignTests : IAsyncLifetime
{
    // A Wednesday morning: 10:00 in Berlin.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly InboundApp _app;
    private ChannelClient _channel = null!;

    public InactivityReassignTests() => _app = new NoWorkflowsApp().WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        _channel = new ChannelClient(_app.CreateHttpClient());
        await _app.SetAvailabilityAsync("ben@inbound.local", AgentAvailability.Online);
        await _app.SetAvailabilityAsync("carla@inbound.local", AgentAvailability.Online);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private async Task PublishAsync(bool whenAgentLeaves = false) => await _app.PublishAsync("Reassign when silent", new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger" })
        .Add(new AssignToStep
        {
            Id = "assign", TeamId = await _app.TeamIdAsync("Support"), QueueWhenNobodyAvailable = true,
            ReassignAfterMinutes = 10, ReassignWhenAgentLeaves = whenAgentLeaves,
        })
        .Add(new EndStep { Id = "end" })
        .Connect("trigger", Outcomes.Next, "assign")
        .Connect("assign", Outcomes.Assigned, "end")
        .Connect("assign", Outcomes.NobodyAvailable, "end"));

    private async Task<(Guid Conversation, Guid First)> AssignedAsync()
    {
        var id = (await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "Where is my parcel?")).ConversationId;
        return (id, (await _app.AssignedConversationAsync(id)).AssigneeId!.Value);
    }

    private Task<Guid?> AssigneeAsync(Guid id) => _app.QueryAsync(db => db.Conversations.Where(c => c.Id == id).Select(c => c.AssigneeId).SingleAsync());

    private Task<List<string>> NotesAsync(Guid id) => _app.QueryAsync(db => db.Messages
        .Where(m => m.ConversationId == id && m.Direction == MessageDirection.InternalNote).OrderBy(m => m.CreatedAt).Select(m => m.Body).ToListAsync());

    [Fact]
    public async Task Without_a_reply_in_ten_minutes_the_conversation_goes_to_the_next_agent_and_the_thread_and_log_say_why()
    {
        await PublishAsync();
        var (id, first) = await AssignedAsync();
        await _app.WatchArmedAsync(id);
        var (firstName, email) = await _app.QueryAsync(async db => await db.Agents.Where(a => a.Id == first).Select(a => new ValueTuple<string, string>(a.Name, a.Email)).SingleAsync());
        await using var agent = await InboxUser.SignInAsync(_app, email);
        var told = await agent.ConnectAsync();

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(first, await AssigneeAsync(id));
        _clock.Advance(TimeSpan.FromMinutes(2));

        await Eventually.TrueAsync(async () => await AssigneeAsync(id) is { } now && now != first, "the conversation to go to the other agent");
        Assert.Contains($"{firstName} did not reply within 10 minutes; reassigned.", await NotesAsync(id));
        // Agents reading the thread in Thai read the note in Thai: it is stored with its phrase.
        var said = await _app.QueryAsync(db => db.Messages.Where(m => m.ConversationId == id && m.AuthorKind == AuthorKind.System && m.Said != null).Select(m => m.Said).ToListAsync());
        using (Inbound.Tests.Localization.ThaiCulture.Use())
            Assert.Contains($"{firstName} ไม่ได้ตอบภายใน 10 นาที จึงมอบหมายใหม่", said.Select(p => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Inbound.Web.Localization.Phrases>>(_app.Services).Say(p)));
        await told.WaitForAsync(e => e.Kind == Inbound.Web.Inbox.Live.InboxEventKinds.AssignmentReclaimed && e.ConversationId == id);
        var run = await _app.RunAsync(id, r => r.Log.Any(e => e.Title == "Reassigned"), "the run log to say why");
        var entry = run.Log.Single(e => e.Title == "Reassigned");
        Assert.StartsWith($"{firstName} did not reply within 10 minutes", entry.Detail);
        Assert.Equal(Inbound.Domain.Assignment.Verdict.DidNotReply, entry.Decision!.Candidates.Single(c => c.AgentId == first).Verdict);
    }

    [Fact]
    public async Task A_reply_in_time_keeps_the_conversation_with_the_agent()
    {
        await PublishAsync();
        var (id, first) = await AssignedAsync();
        await _app.WatchArmedAsync(id);
        var email = await _app.QueryAsync(db => db.Agents.Where(a => a.Id == first).Select(a => a.Email).SingleAsync());
        await using var agent = await InboxUser.SignInAsync(_app, email);

        _clock.Advance(TimeSpan.FromMinutes(5));
        (await agent.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/replies", new { text = "Let me check that for you." })).EnsureSuccessStatusCode();
        _clock.Advance(TimeSpan.FromMinutes(6));

        await Eventually.TrueAsync(async () => !await _app.QueryAsync(db => db.Set<Inbound.Domain.Assignment.InactivityWatch>().AnyAsync(w => w.ConversationId == id)),
            "the due watch to be handled");
        Assert.Equal(first, await AssigneeAsync(id));
        Assert.DoesNotContain(await NotesAsync(id), n => n.Contains("did not reply"));
    }

    [Fact]
    public async Task When_the_step_says_so_an_agent_going_away_hands_the_conversation_on_at_once()
    {
        await PublishAsync(whenAgentLeaves: true);
        var (id, first) = await AssignedAsync();
        await _app.WatchArmedAsync(id);
        var email = await _app.QueryAsync(db => db.Agents.Where(a => a.Id == first).Select(a => a.Email).SingleAsync());
        await using var agent = await InboxUser.SignInAsync(_app, email);

        (await agent.Http().PutAsJsonAsync("api/inbox/me/availability", new { availability = "Away" })).EnsureSuccessStatusCode();

        await Eventually.TrueAsync(async () => await AssigneeAsync(id) is { } now && now != first, "the conversation to go to the other agent");
        Assert.Contains(await NotesAsync(id), n => n.EndsWith("went away; reassigned."));
    }
}
