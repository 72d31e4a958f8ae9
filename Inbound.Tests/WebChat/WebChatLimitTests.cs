using System.Diagnostics;
using Inbound.Tests.Workflows;
using Inbound.Web.WebChat;
using Inbound.Web.WebChat.Abuse;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.WebChat;

/// <summary>The public chat's door under a flood: one visitor, or one address starting visitor after visitor.</summary>
public class WebChatLimitTests : IAsyncLifetime
{
    private const int Burst = 10;
    private const int PerMinute = 60;
    private const int NewVisitorsPerMinute = 25;

    private readonly InboundApp _app = new InboundApp()
        .With("WebChat:Limits:MessageBurst", Burst.ToString())
        .With("WebChat:Limits:MessagesPerMinute", PerMinute.ToString())
        .With("WebChat:Limits:NewVisitorsPerAddressPerMinute", NewVisitorsPerMinute.ToString());

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task A_flood_from_one_visitor_stores_no_more_than_the_limit_in_one_conversation_while_another_visitor_is_answered()
    {
        var flooder = WebChatTestApp.NewVisitor("203.0.113.9");
        var neighbour = WebChatTestApp.NewVisitor("198.51.100.20");
        var started = Stopwatch.StartNew();

        // 1,000 messages at once (well inside 10 s), and a neighbour writing in the middle of it.
        var flood = Enumerable.Range(0, 1000).Select(i => Attempt(() => _app.WriteAsync(flooder, $"spam {i}"))).ToList();
        var neighbourWrote = _app.WriteAsync(neighbour, "Hello, is anyone there?");
        var outcomes = await Task.WhenAll(flood);
        Assert.True(await neighbourWrote);
        var seconds = started.Elapsed.TotalSeconds;

        Assert.True(seconds < 10, $"the flood took {seconds:N1} s");
        var allowed = Burst + (int)Math.Ceiling(seconds * PerMinute / 60) + 1;
        var stored = await _app.MessagesOfAsync(flooder);
        Assert.InRange(stored, Burst, allowed);
        Assert.Equal(stored, outcomes.Count(o => o is null));
        Assert.All(outcomes.OfType<Exception>(), e => Assert.IsType<SlowDownException>(e));
        Assert.Single(await _app.ConversationsOfAsync(flooder));

        // The neighbour's conversation goes on as usual: the workflow greets them.
        var neighbourConversation = Assert.Single(await _app.ConversationsOfAsync(neighbour));
        await _app.WorkflowMessageAsync(neighbourConversation, "What can we help you with?");
    }

    [Fact]
    public async Task Three_hundred_new_visitors_from_one_address_open_no_more_conversations_than_the_limit()
    {
        var channelId = await _app.QueryAsync(db => db.Channels.Where(c => c.Key == InboundApp.WebChatChannelKey).Select(c => c.Id).SingleAsync());
        var before = await _app.QueryAsync(db => db.Conversations.CountAsync(c => c.ChannelId == channelId));

        var outcomes = new List<Exception?>();
        for (var i = 0; i < 300; i++) outcomes.Add(await Attempt(() => _app.WriteAsync(WebChatTestApp.NewVisitor("203.0.113.50"), $"Hi {i}")));
        // Someone else, from another address, still gets in.
        Assert.True(await _app.WriteAsync(WebChatTestApp.NewVisitor("192.0.2.77"), "Hello from elsewhere"));

        var opened = await _app.QueryAsync(db => db.Conversations.CountAsync(c => c.ChannelId == channelId)) - before;
        Assert.Equal(NewVisitorsPerMinute, outcomes.Count(o => o is null));
        Assert.Equal(NewVisitorsPerMinute + 1, opened);
        Assert.All(outcomes.OfType<Exception>(), e => Assert.IsType<SlowDownException>(e));
    }

    [Fact]
    public async Task A_visitor_past_the_limit_is_asked_politely_to_slow_down()
    {
        var visitor = WebChatTestApp.NewVisitor("198.51.100.30");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Burst + 5).Select(i => Attempt(() => _app.WriteAsync(visitor, $"message {i}"))));

        var refused = Assert.IsType<SlowDownException>(outcomes.First(o => o is not null));
        Assert.Equal("You're sending messages faster than we can read them. Please wait a moment and try again.", refused.Message);
        Assert.Equal(outcomes.Count(o => o is null), await _app.MessagesOfAsync(visitor));
    }

    private static async Task<Exception?> Attempt(Func<Task<bool>> write)
    {
        try
        {
            await write();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
