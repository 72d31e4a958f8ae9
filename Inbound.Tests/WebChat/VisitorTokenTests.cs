using Inbound.Web.WebChat;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.WebChat;

/// <summary>The visitor's token: rotated on every visit, and kept in the database only as a hash.</summary>
public class VisitorTokenTests : IAsyncLifetime
{
    private readonly InboundApp _app = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task An_old_token_is_rotated_the_thread_follows_and_the_old_token_opens_nothing()
    {
        var old = new ChatVisitor(WebChatTestApp.OldToken());
        await _app.WriteAsync(old, "My order number is 5521");

        var rotated = old with { Token = await _app.Visitors().RotateAsync(old.Token) };

        Assert.NotEqual(old.Token, rotated.Token);
        Assert.Contains((await _app.Visitors().GetThreadAsync(rotated)).Messages, m => m.Body == "My order number is 5521");
        Assert.Equal(VisitorThread.None, await _app.Visitors().GetThreadAsync(old));
    }

    [Fact]
    public async Task A_token_issued_within_the_rotation_period_is_kept_so_a_second_tab_goes_on_with_it()
    {
        var visitor = WebChatTestApp.NewVisitor();
        await _app.WriteAsync(visitor, "Hello from the first tab");

        var kept = await _app.Visitors().RotateAsync(visitor.Token);

        Assert.Equal(visitor.Token, kept);
        Assert.True(await _app.WriteAsync(visitor, "And from the second"));
        Assert.Single(await _app.ConversationsOfAsync(visitor));
    }

    [Fact]
    public async Task The_database_never_holds_the_token_itself()
    {
        var visitor = WebChatTestApp.NewVisitor();
        await _app.WriteAsync(visitor, "Hello");

        var ids = await _app.QueryAsync(db => db.ContactIdentities.Select(i => i.ExternalId).ToListAsync());

        Assert.Contains(visitor.ExternalId, ids);
        Assert.DoesNotContain(ids, id => id.Contains(visitor.Token, StringComparison.Ordinal));
    }
}
