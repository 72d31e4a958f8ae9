using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Workflows.Engine;

/// <summary>
/// The node's one engine worker. At start it re-arms the timer of every waiting run (overdue ones fire at once) and
/// hands over replies that arrived while runs were not listening; then it drains the engine queue in batches.
/// </summary>
internal sealed class WorkflowEngineWorker(
    EngineQueue queue,
    EngineBatchProcessor processor,
    RunTimers timers,
    IDbContextFactory<InboundDbContext> dbFactory,
    IOptions<WorkflowEngineOptions> options,
    ILogger<WorkflowEngineWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ResumeWaitingRunsAsync(stoppingToken);
        var reader = queue.Reader;
        var batch = new List<EngineWork>(options.Value.MaxBatchSize);
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < options.Value.MaxBatchSize && reader.TryRead(out var work)) batch.Add(work);
            await processor.ProcessAsync(batch, stoppingToken);
        }
    }

    private async Task ResumeWaitingRunsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = await db.WorkflowRuns.AsNoTracking()
            .Where(r => r.Status == RunStatus.Waiting)
            .Select(r => new { r.Id, r.ConversationId, r.WaitingFor, r.WakeAt, r.WaitingSince, r.TriggerMessageId })
            .ToListAsync(ct);
        foreach (var run in waiting.Where(r => r.WakeAt is not null)) timers.Schedule(run.Id, run.WakeAt!.Value);

        foreach (var run in waiting.Where(r => r.WaitingFor == RunWait.Reply))
        {
            var reply = await db.Messages.AsNoTracking()
                .Where(m => m.ConversationId == run.ConversationId && m.Direction == MessageDirection.Inbound && m.AuthorKind == AuthorKind.Contact
                            && m.CreatedAt >= run.WaitingSince && m.Id != run.TriggerMessageId)
                .OrderBy(m => m.CreatedAt).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
            if (reply is { } messageId) queue.Enqueue(new EngineWork.ContactReplied(run.ConversationId, messageId));
        }
        if (waiting.Count > 0) logger.LogInformation("Resumed {Count} waiting workflow runs", waiting.Count);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }
}
