using Inbound.Web.Data;
using Inbound.Web.Ingestion;
using Inbound.Web.WebChat;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.WebChat;

/// <summary>What web chat tests do to the app: write as visitors, set the channel's settings as an admin would.</summary>
public static class WebChatTestApp
{
    public const string IdentitySecret = "shop-identity-secret-0123456789";

    public static WebChatVisitors Visitors(this InboundApp app) => app.Services.GetRequiredService<WebChatVisitors>();

    /// <summary>A token issued now by the apps' clock.</summary>
    public static string NewToken() => VisitorTokens.New(OfficeHoursClock.Instance.GetUtcNow());

    /// <summary>A token issued two days ago: old enough to be rotated on the next visit.</summary>
    public static string OldToken() => VisitorTokens.New(OfficeHoursClock.Instance.GetUtcNow().AddDays(-2));

    /// <summary>A new anonymous visitor writing from <paramref name="address"/>.</summary>
    public static ChatVisitor NewVisitor(string address = "198.51.100.1") => new(NewToken(), null, address);

    public static Task<bool> WriteAsync(this InboundApp app, ChatVisitor visitor, string text) =>
        app.Visitors().SendAsync(visitor, new VisitorDetails(), text);

    /// <summary>Sets one setting of the web chat channel (as the Channels page does) and drops the cached copy.</summary>
    public static async Task SetWebChatSettingAsync(this InboundApp app, string name, string? value)
    {
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync())
        {
            var channel = await db.Channels.SingleAsync(c => c.Key == InboundApp.WebChatChannelKey);
            channel.Configure(name, value);
            await db.SaveChangesAsync();
        }
        app.Services.GetRequiredService<ChannelDirectory>().Invalidate(InboundApp.WebChatChannelKey);
    }

    public static Task<int> MessagesOfAsync(this InboundApp app, ChatVisitor visitor) => app.QueryAsync(db => (
        from i in db.ContactIdentities
        where i.ExternalId == visitor.ExternalId
        join c in db.Conversations on i.ContactId equals c.ContactId
        join m in db.Messages on c.Id equals m.ConversationId
        where m.Direction == Inbound.Domain.Conversations.MessageDirection.Inbound
        select m.Id).CountAsync());

    public static Task<List<Guid>> ConversationsOfAsync(this InboundApp app, ChatVisitor visitor) => app.QueryAsync(db => (
        from i in db.ContactIdentities
        where i.ExternalId == visitor.ExternalId
        join c in db.Conversations on i.ContactId equals c.ContactId
        select c.Id).ToListAsync());
}
