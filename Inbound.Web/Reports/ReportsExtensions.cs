using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Domain.SeedWork;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Web.Reports;

public static class ReportsExtensions
{
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportEventSubscriber>();
        builder.Services.AddSingleton<ReportProjection>();
        builder.Services.AddScoped<ReportQueries>();
        builder.Services.AddScoped<ReportDrillDown>();
        builder.Services.AddHostedService<ReportProjectionWorker>();
        AddHandler<ConversationOpened>(builder.Services);
        AddHandler<ConversationClosed>(builder.Services);
        AddHandler<ConversationAssigned>(builder.Services);
        AddHandler<ConversationUnassigned>(builder.Services);
        AddHandler<ConversationRoutedToTeam>(builder.Services);
        AddHandler<MessageAdded>(builder.Services);
        AddHandler<WorkflowRunOutcomeRecorded>(builder.Services);
        AddHandler<Domain.Sla.SlaBreached>(builder.Services);
        AddHandler<ConversationRated>(builder.Services);
        return builder;
    }

    private static void AddHandler<TEvent>(IServiceCollection services) where TEvent : IDomainEvent =>
        services.AddSingleton<IDomainEventHandler<TEvent>>(sp => (IDomainEventHandler<TEvent>)(object)sp.GetRequiredService<ReportEventSubscriber>());
}
