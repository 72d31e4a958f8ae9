using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Domain.Teams;
using Inbound.Domain.Workflows;
using Inbound.Web.Workflows.Engine;

namespace Inbound.Web.Workflows;

public static class WorkflowsExtensions
{
    public static IHostApplicationBuilder AddWorkflows(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkflowEngineOptions>().BindConfiguration(WorkflowEngineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<EngineQueue>();
        builder.Services.AddSingleton<PublishedWorkflows>();
        builder.Services.AddSingleton<RunTimers>();
        builder.Services.AddSingleton<HttpStepClient>();
        builder.Services.AddSingleton<MessageLanguages>();
        builder.Services.AddSingleton<Accounts.Skills.AgentSkills>();
        builder.Services.AddSingleton<Simulator.WorkflowSimulator>();
        builder.Services.AddSingleton<History.WorkflowVersions>();
        builder.Services.AddSingleton<EngineBatchProcessor>();
        builder.Services.AddSingleton<WorkflowService>();
        builder.Services.AddHostedService<WorkflowEngineWorker>();
        builder.Services.AddSingleton<OrphanedWork>();
        builder.Services.AddHostedService<OrphanedWorkSweep>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, RunRevision>();

        // Retries with backoff and a circuit breaker for calls to outside systems; the step's timeout bounds the total.
        builder.Services.AddHttpClient(HttpStepClient.ClientName).AddStandardResilienceHandler(options =>
        {
            options.Retry.MaxRetryAttempts = 2;
            options.Retry.Delay = TimeSpan.FromMilliseconds(200);
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(120);
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
        });

        builder.Services.AddSingleton<EngineEventSubscriber>();
        AddHandler<ConversationOpened>(builder.Services);
        AddHandler<ConversationClosed>(builder.Services);
        AddHandler<ConversationAssigned>(builder.Services);
        AddHandler<MessageAdded>(builder.Services);
        AddHandler<ConversationUnassigned>(builder.Services);
        AddHandler<ConversationRoutedToTeam>(builder.Services);
        AddHandler<AgentAvailabilityChanged>(builder.Services);
        AddHandler<AgentCapacityChanged>(builder.Services);
        AddHandler<AgentSkillsChanged>(builder.Services);
        AddHandler<TeamMemberAdded>(builder.Services);
        AddHandler<TeamHoursChanged>(builder.Services);
        AddHandler<WorkflowPublished>(builder.Services);
        AddHandler<WorkflowDisabled>(builder.Services);
        return builder;
    }

    private static void AddHandler<TEvent>(IServiceCollection services) where TEvent : Inbound.Domain.SeedWork.IDomainEvent =>
        services.AddSingleton<IDomainEventHandler<TEvent>>(sp => (IDomainEventHandler<TEvent>)(object)sp.GetRequiredService<EngineEventSubscriber>());
}
