using System.Threading.Channels;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Domain.Sla;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Web.Reports;

/// <summary>
/// Notes which conversations changed in a way the reports count, for <see cref="ReportProjectionWorker"/> to project
/// in batches: the writer that raised the event (ingestion, the engine, an agent's reply) does not wait for reports.
/// </summary>
public sealed class ReportEventSubscriber :
    IDomainEventHandler<ConversationOpened>,
    IDomainEventHandler<ConversationClosed>,
    IDomainEventHandler<ConversationAssigned>,
    IDomainEventHandler<ConversationUnassigned>,
    IDomainEventHandler<ConversationRoutedToTeam>,
    IDomainEventHandler<MessageAdded>,
    IDomainEventHandler<WorkflowRunOutcomeRecorded>,
    IDomainEventHandler<SlaBreached>,
    IDomainEventHandler<ConversationRated>
{
    private readonly Channel<Guid> _changed = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<Guid> Changed => _changed.Reader;

    public void Enqueue(Guid conversationId) => _changed.Writer.TryWrite(conversationId);

    public Task HandleAsync(ConversationOpened e, CancellationToken ct) => Note(e.ConversationId);
    public Task HandleAsync(ConversationClosed e, CancellationToken ct) => Note(e.ConversationId);
    public Task HandleAsync(ConversationAssigned e, CancellationToken ct) => Note(e.ConversationId);
    public Task HandleAsync(ConversationUnassigned e, CancellationToken ct) => Note(e.ConversationId);
    public Task HandleAsync(ConversationRoutedToTeam e, CancellationToken ct) => Note(e.ConversationId);
    public Task HandleAsync(WorkflowRunOutcomeRecorded e, CancellationToken ct) => Note(e.ConversationId);
    public Task HandleAsync(SlaBreached e, CancellationToken ct) => Note(e.ConversationId);
    public Task HandleAsync(ConversationRated e, CancellationToken ct) => Note(e.ConversationId);

    // Only an agent's reply can be a first response; the contact's messages and workflow replies change no figure.
    public Task HandleAsync(MessageAdded e, CancellationToken ct) =>
        e is { AuthorKind: AuthorKind.Agent, Direction: MessageDirection.Outbound } ? Note(e.ConversationId) : Task.CompletedTask;

    private Task Note(Guid conversationId)
    {
        Enqueue(conversationId);
        return Task.CompletedTask;
    }
}
