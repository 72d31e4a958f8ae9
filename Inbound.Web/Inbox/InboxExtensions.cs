using System.Text.Json.Serialization;
using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Web.Inbox.Delivery;
using Inbound.Web.Inbox.Live;

namespace Inbound.Web.Inbox;

public static class InboxExtensions
{
    public const string HubPath = "/hubs/inbox";

    public static IHostApplicationBuilder AddInbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<LiveUpdateOptions>().BindConfiguration(LiveUpdateOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // For several nodes, chain .AddStackExchangeRedis(...) here: the notifier sends through IHubContext only.
        // Enums travel as names ("Away", "Outbound"), readable in the OpenAPI document and in scripts.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton<InboxNotifier>();
        builder.Services.AddSingleton<InboxFanout>();
        builder.Services.AddHostedService(s => s.GetRequiredService<InboxFanout>());
        builder.Services.AddSingleton<InboxViewers>();
        builder.Services.AddSingleton<InboxQueries>();
        builder.Services.AddSingleton<IConversationRows>(s => s.GetRequiredService<InboxQueries>());
        builder.Services.AddSingleton<InboxCommands>();
        builder.Services.AddSingleton(s => new Assist.AgentAssistant(() => s.GetRequiredService<Ai.AiClients>().Chat,
            s.GetRequiredService<ILogger<Assist.AgentAssistant>>()));

        builder.Services.AddScoped<InboxEventRelay>();
        builder.Services.AddScoped<IDomainEventHandler<ConversationOpened>>(s => s.GetRequiredService<InboxEventRelay>());
        builder.Services.AddScoped<IDomainEventHandler<ConversationAssigned>>(s => s.GetRequiredService<InboxEventRelay>());
        builder.Services.AddScoped<IDomainEventHandler<ConversationUnassigned>>(s => s.GetRequiredService<InboxEventRelay>());
        builder.Services.AddScoped<IDomainEventHandler<ConversationRoutedToTeam>>(s => s.GetRequiredService<InboxEventRelay>());
        builder.Services.AddScoped<IDomainEventHandler<ConversationClosed>>(s => s.GetRequiredService<InboxEventRelay>());
        builder.Services.AddScoped<IDomainEventHandler<MessageAdded>>(s => s.GetRequiredService<InboxEventRelay>());
        builder.Services.AddScoped<IDomainEventHandler<MessageDeliveryChanged>>(s => s.GetRequiredService<InboxEventRelay>());
        builder.Services.AddScoped<IDomainEventHandler<AgentAvailabilityChanged>>(s => s.GetRequiredService<InboxEventRelay>());
        builder.Services.AddScoped<IDomainEventHandler<Inbound.Domain.Assignment.AssignmentReclaimed>, ReclaimedAssignmentRelay>();

        builder.Services.AddSingleton<IChannelSender, WebChatSender>();
        return builder;
    }

    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder app)
    {
        app.MapInboxApi();
        app.MapHub<InboxHub>(HubPath);
        return app;
    }
}
