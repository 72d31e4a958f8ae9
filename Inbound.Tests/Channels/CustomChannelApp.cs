using Inbound.Domain.Channels;
using Inbound.Domain.Conversations;
using Inbound.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Channels;

/// <summary>The seeded API channel sending to a fake receiver, with an outbox that retries in milliseconds instead of seconds.</summary>
public static class CustomChannelApp
{
    public static InboundApp SendingTo(FakeProvider receiver, string? dataFolder = null) =>
        (dataFolder is null ? new InboundApp() : InboundApp.OnDataFolder(dataFolder))
            .With("Seed:DemoWorkflow", "false")
            .With($"Seed:Channels:1:Settings:{ChannelSettingNames.OutboundUrl}", new Uri(receiver.BaseAddress, "inbound-replies").ToString())
            .With("Channels:Outbox:RetryDelay", "00:00:00.050")
            .With("Channels:Outbox:MaxRetryDelay", "00:00:00.200")
            .With("Channels:Outbox:HttpRetryDelay", "00:00:00.010")
            .With("Channels:Outbox:PollInterval", "00:00:00.100")
            .With("Channels:Outbox:Lease", "00:00:01");

    public static Task<Message> MessageAsync(this InboundApp app, Guid conversationId, string body) =>
        app.QueryAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.ConversationId == conversationId && m.Body == body));

    public static Task<Message> DeliveryAsync(this InboundApp app, Guid conversationId, string body, DeliveryStatus status) =>
        Eventually.GetAsync(async () =>
        {
            var message = await app.MessageAsync(conversationId, body);
            return message.DeliveryStatus == status ? message : null;
        }, $"\"{body}\" to be {status}");
}
