using System.Text.Json;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Tests.Admin;
using Inbound.Tests.Channels;
using Inbound.Tests.Workflows;
using Inbound.Tests.Workflows.Designer;
using Inbound.Web.Channels.Custom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inbound.Tests.Sla;

/// <summary>
/// A contact on the signed channel API, whose conversation an agent closes in the inbox: a published workflow with the
/// Conversation closed trigger and the Ask for a rating step puts the question to the channel's outbound URL, and the
/// contact answers through the same API. The clock is fake so that the rating window can pass.
/// </summary>
public sealed class CsatThroughChannelApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FakeProvider _receiver = null!;
    private InboundApp _app = null!;
    private ChannelClient _channel = null!;

    public async Task InitializeAsync()
    {
        _receiver = await FakeProvider.StartAsync();
        _app = CustomChannelApp.SendingTo(_receiver).WithServices(s => s.AddSingleton<TimeProvider>(_clock));
        await ((IAsyncLifetime)_app).InitializeAsync();
        _channel = new ChannelClient(_app.CreateHttpClient());
        // Rating(): ask "How did we do?", then "Tell us more?", within 3 hours; "Thank you!" when rated.
        await _app.PublishAsync("Satisfaction survey", WorkflowSamples.Rating());
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>The contact writes in, Ana takes the conversation and closes it through the inbox API.</summary>
    private async Task<Guid> ConversationClosedByAnaAsync(string contact)
    {
        var id = (await _channel.SendOkAsync(NewId("m"), contact, "Where is my parcel?")).ConversationId;
        var ana = await InboxUser.SignInAsync(_app, "ana@inbound.local");
        await new Conversations(_app).AssignAsync(id, ana.AgentId, await _app.TeamIdAsync("Support"));
        using var closed = await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/close", new { category = "Resolved", summary = "Parcel found" });
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        return id;
    }

    private async Task<CustomChannelMessage> ArrivesOnTheChannelAsync(string text)
    {
        var posted = await _receiver.RequestAsync(r => r.Text.Contains(text), $"\"{text}\" at the channel's outbound URL");
        return JsonSerializer.Deserialize<CustomChannelMessage>(posted.Body, JsonSerializerOptions.Web)!;
    }

    [Fact]
    public async Task The_rating_question_arrives_on_the_channel_and_the_answers_are_stored_on_the_closed_conversation()
    {
        var contact = NewId("c");
        var id = await ConversationClosedByAnaAsync(contact);

        var question = await ArrivesOnTheChannelAsync("How did we do?");
        Assert.Equal((id, contact), (question.ConversationId, question.Contact.ExternalId));
        Assert.Equal(["1", "2", "3", "4", "5"], question.QuickReplies);

        var rating = await _channel.SendOkAsync(NewId("m"), contact, "5");
        await ArrivesOnTheChannelAsync("Tell us more?");
        var comment = await _channel.SendOkAsync(NewId("m"), contact, "Found it thanks to you");
        await ArrivesOnTheChannelAsync("Thank you!");

        Assert.Equal((id, false), (rating.ConversationId, rating.Opened));
        Assert.Equal((id, false), (comment.ConversationId, comment.Opened));
        var stored = await _app.QueryAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((ConversationStatus.Closed, 5, "Found it thanks to you"), (stored.Status, stored.CsatRating, stored.CsatComment));
        Assert.Equal(1, await _app.QueryAsync(db => db.Conversations.CountAsync(c => c.ContactId == stored.ContactId)));
        var run = await _app.RunAsync(id, r => r.Status == RunStatus.Completed, "the survey run to complete");
        Assert.Contains(run.Log, e => e.NodeId == "rate" && e.Outcome == Outcomes.Rated);

        // The report counts it: one 5 and the comment, for today by the app's clock.
        await using var admin = await InboxUser.SignInAsync(_app, "admin@inbound.local");
        await Eventually.TrueAsync(async () =>
        {
            var report = await (await admin.Http().GetAsync("api/reports?zone=UTC")).JsonAsync(System.Net.HttpStatusCode.OK);
            var fives = report.GetProperty("totals").GetProperty("csat").GetProperty("ratings")[4].GetInt32();
            var comments = report.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("comment").GetString()).ToList();
            return fives == 1 && comments.Contains("Found it thanks to you");
        }, "the rating and its comment in the report");
    }

    [Fact]
    public async Task After_the_window_the_step_takes_no_answer_and_the_contacts_next_message_opens_a_new_conversation()
    {
        var contact = NewId("c");
        var id = await ConversationClosedByAnaAsync(contact);
        await ArrivesOnTheChannelAsync("How did we do?");
        var waiting = await _app.RunAsync(id, r => r.Status == RunStatus.Waiting, "the survey run to wait for the rating");

        _clock.Advance(waiting.WakeAt!.Value - _clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1));

        var run = await _app.RunAsync(id, r => r.Status == RunStatus.Completed, "the survey run to give up");
        Assert.Contains(run.Log, e => e.NodeId == "rate" && e.Outcome == Outcomes.NoAnswer);
        var next = await _channel.SendOkAsync(NewId("m"), contact, "5");
        Assert.True(next.Opened);
        Assert.NotEqual(id, next.ConversationId);
        Assert.Null((await _app.QueryAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id))).CsatRating);
    }
}
