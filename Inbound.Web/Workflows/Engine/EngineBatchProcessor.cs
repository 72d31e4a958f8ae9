using Inbound.Domain.Texts;
using System.Collections.Concurrent;
using System.Diagnostics;
using Inbound.Domain.Assignment;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Channels;
using Inbound.Web.Data;
using Inbound.Web.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Workflows.Engine;

/// <summary>
/// Runs a batch of engine work in one unit of work: reads the conversations, contacts, runs and agents it needs in a
/// few set queries, moves every run as far as it goes, and saves everything in one transaction. When the save
/// conflicts with another writer (a reply stored meanwhile, an agent assigned elsewhere), the work is replayed item
/// by item on fresh state, so that no agent goes past capacity and no conversation is assigned twice.
/// </summary>
internal sealed class EngineBatchProcessor(
    IDbContextFactory<InboundDbContext> dbFactory,
    IDomainEventPublisher publisher,
    PublishedWorkflows published,
    RunTimers timers,
    HttpStepClient http,
    Ai.AiStepAnswerer ai,
    Ai.AiStepHistory aiHistory,
    EngineQueue queue,
    MessageLanguages languages,
    ContactWorkingSignal working,
    Classifier.TopicClassifier classifier,
    TimeProvider clock,
    IOptions<WorkflowEngineOptions> options,
    ILogger<EngineBatchProcessor> logger)
{
    private const int ConflictRetries = 5;
    // Work queued again after its conflicts; a second round of them leaves it to the sweep. Small: entries go on success.
    private readonly ConcurrentDictionary<EngineWork, byte> _requeued = new();
    private readonly ConcurrentDictionary<Guid, string> _channelKeys = new();

    public async Task ProcessAsync(IReadOnlyList<EngineWork> batch, CancellationToken cancellationToken)
    {
        batch = await WithoutIdleWorkAsync(batch, cancellationToken);
        if (batch.Count == 0) return;
        try
        {
            await ProcessOnceAsync(batch, cancellationToken);
            if (!_requeued.IsEmpty) foreach (var work in batch) _requeued.TryRemove(work, out _);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && batch.Count > 1)
        {
            logger.LogDebug(ex, "Engine batch of {Count} failed; replaying it one item at a time", batch.Count);
            foreach (var work in batch) await ProcessAloneAsync(work, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await ProcessAloneAsync(batch[0], cancellationToken, ex);
        }
    }

    /// <summary>
    /// Every contact message and every assignment becomes engine work, but a reply only matters where a run waits for
    /// one, and an assignment only where the conversation sits in a team's queue. The others are dropped after two
    /// indexed queries, so that a busy inbox or a burst of assignments does not cost the engine a full batch load
    /// (agents, queues, runs, contacts) and a save per item. Items stay when other work in the batch could start or
    /// move a run, or queue the conversation, before them.
    /// </summary>
    private async Task<IReadOnlyList<EngineWork>> WithoutIdleWorkAsync(IReadOnlyList<EngineWork> batch, CancellationToken ct)
    {
        var replied = new HashSet<Guid>();
        var assigned = new HashSet<Guid>();
        foreach (var work in batch)
        {
            switch (work)
            {
                case EngineWork.ContactReplied r: replied.Add(r.ConversationId); break;
                case EngineWork.ConversationAssigned a: assigned.Add(a.ConversationId); break;
                case EngineWork.TimerDue or EngineWork.HttpAnswered or EngineWork.AiAnswered or EngineWork.InactivityDue: return batch;
            }
        }
        foreach (var work in batch)
        {
            switch (work)
            {
                case EngineWork.ConversationOpened o: replied.Remove(o.ConversationId); assigned.Remove(o.ConversationId); break;
                case EngineWork.ConversationClosed c: replied.Remove(c.ConversationId); assigned.Remove(c.ConversationId); break;
                case EngineWork.ConversationAssigned a: replied.Remove(a.ConversationId); break;
                case EngineWork.StartManually m: replied.Remove(m.ConversationId); assigned.Remove(m.ConversationId); break;
            }
        }
        if (replied.Count == 0 && assigned.Count == 0) return batch;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var repliedIds = replied.ToList();
        var awaited = repliedIds.Count == 0 ? [] : (await db.WorkflowRuns.AsNoTracking()
            .Where(r => repliedIds.Contains(r.ConversationId) && r.Status == RunStatus.Waiting && r.WaitingFor == RunWait.Reply)
            .Select(r => r.ConversationId).Distinct().ToListAsync(ct)).ToHashSet();
        var assignedIds = assigned.ToList();
        var queued = assignedIds.Count == 0 ? [] : (await db.TeamQueue.AsNoTracking()
            .Where(q => assignedIds.Contains(q.ConversationId))
            .Select(q => q.ConversationId).ToListAsync(ct)).ToHashSet();
        return batch.Where(w => w switch
        {
            EngineWork.ContactReplied r => !replied.Contains(r.ConversationId) || awaited.Contains(r.ConversationId),
            EngineWork.ConversationAssigned a => !assigned.Contains(a.ConversationId) || queued.Contains(a.ConversationId),
            _ => true,
        }).ToList();
    }

    private async Task ProcessAloneAsync(EngineWork work, CancellationToken cancellationToken, Exception? failedOnce = null)
    {
        for (var attempt = failedOnce is null ? 1 : 2; ; attempt++)
        {
            try
            {
                await ProcessOnceAsync([work], cancellationToken);
                _requeued.TryRemove(work, out _);
                return;
            }
            catch (DbUpdateException ex) when (attempt < ConflictRetries)
            {
                logger.LogDebug(ex, "{Work} conflicted (attempt {Attempt}); retrying on fresh state", work, attempt);
                // Another node's engine writes the same agents.
                await ConflictBackoff.WaitAsync(attempt, cancellationToken);
            }
            catch (DbUpdateException ex) when (_requeued.TryAdd(work, 0))
            {
                // Still conflicting: back to the end of the queue once, behind the work it collides with, rather than
                // left for the sweep (Workflows:SweepEvery) to find half a minute later.
                logger.LogInformation(ex, "{Work} conflicted {Attempts} times; queued again", work, attempt);
                queue.Enqueue(work);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _requeued.TryRemove(work, out _);
                logger.LogError(ex, "The workflow engine could not process {Work}", work);
                return;
            }
        }
    }

    private async Task ProcessOnceAsync(IReadOnlyList<EngineWork> batch, CancellationToken ct)
    {
        var reading = Stopwatch.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One open for the batch's dozen reads and its save, instead of one per query.
        await db.Database.OpenConnectionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var state = await BatchState.LoadAsync(db, batch, ct);
        var pool = await AgentPool.LoadAsync(db, state.Queued, ct);
        var active = await published.ActiveAsync(ct);
        InboundMetrics.EngineRead.Record(InboundMetrics.Since(reading));
        var touched = new List<WorkflowRun>();
        var freedAgents = new HashSet<Guid>();
        var drainTeams = new HashSet<Guid>();
        var httpCalls = new List<(Guid RunId, Guid ConversationId, HttpStepRequest Request)>();
        var aiCalls = new List<(Guid RunId, Guid ConversationId, AiStepRequest Request)>();

        RunContext Context(Conversation conversation, string? lastMessage, int? position = null) =>
            new(db, pool, httpCalls, aiCalls, conversation, state.Contacts[conversation.ContactId], ChannelKey(db, conversation.ChannelId), lastMessage, position, now,
                options.Value.ContactNameFallback, languages, published, classifier);

        // The steps after a call still see the contact's latest message, as they would have without the wait.
        Task<string?> LatestContactTextAsync(Conversation conversation) => db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && m.Direction == MessageDirection.Inbound && m.AuthorKind == AuthorKind.Contact)
            .OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstOrDefaultAsync(ct);

        async Task StartAsync(RunnableVersion version, Conversation conversation, string? lastMessage)
        {
            var run = new WorkflowRun(version.WorkflowId, version.WorkflowName, version.VersionId, version.Number, conversation.Id,
                conversation.ContactId, conversation.FirstMessageId, version.Trigger!.Id, now);
            db.WorkflowRuns.Add(run);
            state.AddRun(run);
            touched.Add(run);
            await version.Interpreter.StartAsync(run, Context(conversation, lastMessage), ct);
        }

        foreach (var work in batch)
        {
            switch (work)
            {
                case EngineWork.ConversationOpened opened when state.Conversations.GetValueOrDefault(opened.ConversationId) is { IsOpen: true } conversation:
                    var channelKey = ChannelKey(db, conversation.ChannelId);
                    var starting = active.Where(v => v.Trigger is ConversationOpenedTrigger t && t.Matches(conversation.Source, channelKey)
                                                     && state.MarkStarted(conversation.Id, v.WorkflowId)).ToList();
                    // A claim on the conversation: two nodes handling the same opening (one replaying it at start) both
                    // move its concurrency token, so the later save conflicts, is replayed on fresh state and finds the runs.
                    if (starting.Count > 0) db.Entry(conversation).Property(c => c.Sequence).CurrentValue = conversation.Sequence + 1;
                    foreach (var version in starting)
                        await StartAsync(version, conversation, state.FirstMessageText(conversation));
                    break;

                case EngineWork.ConversationClosed closed when state.Conversations.GetValueOrDefault(closed.ConversationId) is { } conversation:
                    foreach (var run in state.ActiveRuns(conversation.Id))
                    {
                        run.Cancel(Phrase.Of(PhraseCode.RunConversationClosed, "The conversation was closed."), now);
                        touched.Add(run);
                    }
                    pool.LeaveQueue(conversation.Id);
                    await pool.UnwatchAsync(conversation.Id, ct);
                    if (conversation.AssigneeId is { } agentId) freedAgents.Add(agentId);
                    // A closing handled twice (swept up after a crash, or by two nodes) starts each workflow once: the
                    // runs started since the closing are known, and the sequence is claimed as for an opening.
                    var onClose = active.Where(v => v.Trigger is ConversationClosedTrigger && state.MarkStartedOnClose(conversation.Id, v.WorkflowId)).ToList();
                    if (onClose.Count > 0) db.Entry(conversation).Property(c => c.Sequence).CurrentValue = conversation.Sequence + 1;
                    foreach (var version in onClose)
                        await StartAsync(version, conversation, null);
                    break;

                // Still assigned: an unassign in between may have queued it again, and that entry stays.
                case EngineWork.ConversationAssigned assigned when state.Conversations.GetValueOrDefault(assigned.ConversationId) is { AssigneeId: not null }:
                    pool.LeaveQueue(assigned.ConversationId);
                    break;

                case EngineWork.ContactReplied replied when state.Conversations.GetValueOrDefault(replied.ConversationId) is { } conversation
                                                           && state.Replies.GetValueOrDefault(replied.MessageId) is { } message:
                    foreach (var run in state.ActiveRuns(conversation.Id).Where(r => IsAnswer(r, message)).ToList())
                    {
                        if (await published.VersionAsync(run.VersionId, ct) is not { } version) continue;
                        // A closed conversation's messages answer only the runs its closing started (a rating question);
                        // a run of the open conversation that closing has not cancelled yet must not act on it.
                        if (!conversation.IsOpen && version.Trigger is not ConversationClosedTrigger) continue;
                        touched.Add(run);
                        await version.Interpreter.ResumeWithReplyAsync(run, Context(conversation, message.Body, await pool.PositionAsync(conversation, ct)), message, ct);
                    }
                    break;

                case EngineWork.TimerDue due when state.Runs.GetValueOrDefault(due.RunId) is { IsActive: true } run
                                                  && state.Conversations.GetValueOrDefault(run.ConversationId) is { } conversation:
                    if (await published.VersionAsync(run.VersionId, ct) is not { } timed) break;
                    touched.Add(run);
                    await timed.Interpreter.ResumeOnTimerAsync(run, Context(conversation, null, await pool.PositionAsync(conversation, ct)), ct);
                    break;

                case EngineWork.HttpAnswered answered when state.Runs.GetValueOrDefault(answered.RunId) is { IsActive: true } run
                                                           && state.Conversations.GetValueOrDefault(run.ConversationId) is { } conversation:
                    if (await published.VersionAsync(run.VersionId, ct) is not { } called) break;
                    touched.Add(run);
                    await called.Interpreter.ResumeWithHttpAsync(run, Context(conversation, await LatestContactTextAsync(conversation), await pool.PositionAsync(conversation, ct)), answered.Response, ct);
                    break;

                case EngineWork.AiAnswered aiAnswered when state.Runs.GetValueOrDefault(aiAnswered.RunId) is { IsActive: true } run
                                                           && state.Conversations.GetValueOrDefault(run.ConversationId) is { } conversation:
                    if (await published.VersionAsync(run.VersionId, ct) is not { } asked) break;
                    touched.Add(run);
                    await asked.Interpreter.ResumeWithAiAsync(run, Context(conversation, await LatestContactTextAsync(conversation), await pool.PositionAsync(conversation, ct)), aiAnswered.Answer, ct);
                    break;

                case EngineWork.StartManually manual when state.Conversations.GetValueOrDefault(manual.ConversationId) is { } conversation
                                                         && active.FirstOrDefault(v => v.WorkflowId == manual.WorkflowId && v.Trigger is ManualTrigger) is { } manualVersion:
                    await StartAsync(manualVersion, conversation, null);
                    break;

                case EngineWork.AgentFreed freed:
                    freedAgents.Add(freed.AgentId);
                    break;

                case EngineWork.QueueWaiting queueWaiting:
                    drainTeams.Add(queueWaiting.TeamId);
                    break;

                case EngineWork.InactivityDue inactive when await db.Set<InactivityWatch>().FindAsync([inactive.WatchId], ct) is { } watch
                                                            && watch.DueAt <= now:
                    await InactivityReassigner.ReclaimAsync(db, pool, published, watch, agentLeft: false, now, ct);
                    break;

                case EngineWork.AgentLeft left:
                    foreach (var leaving in await db.Set<InactivityWatch>().Where(w => w.AgentId == left.AgentId && w.WhenAgentLeaves).ToListAsync(ct))
                        await InactivityReassigner.ReclaimAsync(db, pool, published, leaving, agentLeft: true, now, ct);
                    break;

                case EngineWork.ConversationUnassigned unassigned:
                    freedAgents.Add(unassigned.PreviousAgentId);
                    // Still without an agent (nobody took it meanwhile) and in a team: it waits in line there. A
                    // conversation without a team has no queue to go back to; it stays visible to admins.
                    if (state.Conversations.GetValueOrDefault(unassigned.ConversationId) is { IsOpen: true, AssigneeId: null, TeamId: { } teamId } back)
                    {
                        await pool.EnqueueAsync(back, QueuedConversation.Requeued(teamId), null, back.WaitingSince ?? now, ct);
                        drainTeams.Add(teamId);
                    }
                    break;

                case EngineWork.ConversationMovedToTeam moved:
                    if (state.Conversations.GetValueOrDefault(moved.ConversationId) is { IsOpen: true, AssigneeId: null, TeamId: { } newTeam } waiting)
                    {
                        await pool.MoveToQueueAsync(waiting, newTeam, waiting.WaitingSince ?? now, ct);
                        drainTeams.Add(newTeam);
                    }
                    break;
            }
        }

        foreach (var agentId in freedAgents) drainTeams.UnionWith(pool.TeamsOf(agentId));
        foreach (var teamId in drainTeams)
            await QueueDrainer.DrainAsync(db, pool, published, teamId, now, ct);

        // Armed before the save: a timer of a run whose save then fails finds nothing due and does nothing, while
        // one armed after could miss a clock that moves in between.
        foreach (var run in touched)
        {
            if (run.Status == RunStatus.Waiting && run.WakeAt is { } wakeAt) timers.Schedule(run.Id, wakeAt);
            else timers.Cancel(run.Id);
        }
        foreach (var watch in pool.Armed)
            if (watch.DueAt is { } dueAt) timers.Schedule(watch.Id, dueAt, new EngineWork.InactivityDue(watch.Id));
        var events = db.TakeDomainEvents();
        // A batch that changed nothing (a drain that found nobody free) does not queue behind the other writers.
        if (db.ChangeTracker.HasChanges())
        {
            var saving = Stopwatch.GetTimestamp();
            await db.SaveChangesAsync(ct);
            InboundMetrics.EngineSave.Record(InboundMetrics.Since(saving));
        }
        await publisher.PublishAsync(events, ct);
        foreach (var (runId, conversationId, request) in httpCalls)
        {
            _ = OffTheWorkerAsync(runId, "workflow HTTP request", c => http.SendAsync(request, c),
                response => new EngineWork.HttpAnswered(runId, response), error => new HttpStepResponse(null, null, error), ct);
            // The contact sees that something is being worked on while the call runs (LINE's loading animation).
            _ = working.ShowAsync(conversationId, ct);
        }
        foreach (var (runId, conversationId, request) in aiCalls)
        {
            _ = OffTheWorkerAsync(runId, "AI step", async c => await ai.AnswerAsync(request, await aiHistory.LoadAsync(conversationId, now, request, c), c),
                answer => new EngineWork.AiAnswered(runId, answer), AiStepAnswer.Failed, ct);
            _ = working.ShowAsync(conversationId, ct);
        }
    }

    /// <summary>
    /// Off the worker (an HTTP step's request, an AI step's question): the answer comes back as engine work, so that a
    /// slow service holds up only its own run. An unexpected error comes back as a failed answer; when the app stops
    /// first, the run's deadline timer takes the failure path after the next start.
    /// </summary>
    private async Task OffTheWorkerAsync<T>(Guid runId, string what, Func<CancellationToken, Task<T>> call, Func<T, EngineWork> answered,
        Func<string, T> failed, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            queue.Enqueue(answered(await call(ct)));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The {What} of run {RunId} failed unexpectedly", what, runId);
            queue.Enqueue(answered(failed(ex.Message)));
        }
    }

    /// <summary>The contact's message answers a run that asked before it, and never the message that started the run.</summary>
    private static bool IsAnswer(WorkflowRun run, Message message) =>
        run is { Status: RunStatus.Waiting, WaitingFor: RunWait.Reply }
        && message.Id != run.TriggerMessageId
        && message.CreatedAt >= run.WaitingSince;

    private string ChannelKey(InboundDbContext db, Guid channelId) =>
        _channelKeys.GetOrAdd(channelId, id => db.Channels.AsNoTracking().Where(c => c.Id == id).Select(c => c.Key).FirstOrDefault() ?? "");

    /// <summary>What a batch reads up front, in set queries.</summary>
    private sealed class BatchState
    {
        private readonly Dictionary<Guid, List<WorkflowRun>> _runsByConversation;
        private readonly HashSet<(Guid ConversationId, Guid WorkflowId)> _started;
        private readonly HashSet<(Guid ConversationId, Guid WorkflowId)> _startedOnClose;

        private BatchState(Dictionary<Guid, Conversation> conversations, Dictionary<Guid, Inbound.Domain.Contacts.Contact> contacts,
            Dictionary<Guid, WorkflowRun> runs, Dictionary<Guid, Message> replies, Dictionary<Guid, string> firstMessages,
            List<QueuedConversation> queued, HashSet<(Guid ConversationId, Guid WorkflowId)> started,
            HashSet<(Guid ConversationId, Guid WorkflowId)> startedOnClose)
        {
            _started = started;
            _startedOnClose = startedOnClose;
            Queued = queued;
            Conversations = conversations;
            Contacts = contacts;
            Runs = runs;
            Replies = replies;
            FirstMessages = firstMessages;
            _runsByConversation = runs.Values.GroupBy(r => r.ConversationId).ToDictionary(g => g.Key, g => g.ToList());
        }

        public Dictionary<Guid, Conversation> Conversations { get; }
        public Dictionary<Guid, Inbound.Domain.Contacts.Contact> Contacts { get; }
        public Dictionary<Guid, WorkflowRun> Runs { get; }
        public Dictionary<Guid, Message> Replies { get; }

        /// <summary>The queue entries of the batch's conversations, so that leaving the queue needs no query per conversation.</summary>
        public List<QueuedConversation> Queued { get; }
        private Dictionary<Guid, string> FirstMessages { get; }

        public IEnumerable<WorkflowRun> ActiveRuns(Guid conversationId) =>
            _runsByConversation.GetValueOrDefault(conversationId)?.Where(r => r.IsActive) ?? [];

        /// <summary>
        /// False when the workflow already has a run on the conversation: an opening handled twice (replayed at start,
        /// or seen by two nodes) starts each workflow once.
        /// </summary>
        public bool MarkStarted(Guid conversationId, Guid workflowId) => _started.Add((conversationId, workflowId));

        /// <summary>False when the workflow already has a run on the conversation that started since it closed.</summary>
        public bool MarkStartedOnClose(Guid conversationId, Guid workflowId) => _startedOnClose.Add((conversationId, workflowId));

        public void AddRun(WorkflowRun run)
        {
            Runs[run.Id] = run;
            if (!_runsByConversation.TryGetValue(run.ConversationId, out var list)) _runsByConversation[run.ConversationId] = list = [];
            list.Add(run);
        }

        public string? FirstMessageText(Conversation conversation) =>
            conversation.FirstMessageId is { } id ? FirstMessages.GetValueOrDefault(id) : null;

        public static async Task<BatchState> LoadAsync(InboundDbContext db, IReadOnlyList<EngineWork> batch, CancellationToken ct)
        {
            var conversationIds = new HashSet<Guid>();
            var runIds = new List<Guid>();
            var replyIds = new List<Guid>();
            foreach (var work in batch)
            {
                switch (work)
                {
                    case EngineWork.ConversationOpened o: conversationIds.Add(o.ConversationId); break;
                    case EngineWork.ConversationClosed c: conversationIds.Add(c.ConversationId); break;
                    case EngineWork.ConversationAssigned a: conversationIds.Add(a.ConversationId); break;
                    case EngineWork.ContactReplied r: conversationIds.Add(r.ConversationId); replyIds.Add(r.MessageId); break;
                    case EngineWork.StartManually m: conversationIds.Add(m.ConversationId); break;
                    case EngineWork.ConversationUnassigned u: conversationIds.Add(u.ConversationId); break;
                    case EngineWork.ConversationMovedToTeam moved: conversationIds.Add(moved.ConversationId); break;
                    case EngineWork.TimerDue t: runIds.Add(t.RunId); break;
                    case EngineWork.HttpAnswered h: runIds.Add(h.RunId); break;
                    case EngineWork.AiAnswered a: runIds.Add(a.RunId); break;
                }
            }

            // Two queries rather than one with OR, so that each uses its index.
            var ids = conversationIds.ToList();
            var runs = ids.Count == 0 ? [] : await db.WorkflowRuns
                .Where(r => ids.Contains(r.ConversationId) && (r.Status == RunStatus.Running || r.Status == RunStatus.Waiting))
                .ToListAsync(ct);
            if (runIds.Count > 0)
            {
                var known = runs.Select(r => r.Id).ToHashSet();
                runs.AddRange((await db.WorkflowRuns.Where(r => runIds.Contains(r.Id)).ToListAsync(ct)).Where(r => !known.Contains(r.Id)));
            }
            foreach (var run in runs) conversationIds.Add(run.ConversationId);
            ids = conversationIds.ToList();

            var conversations = ids.Count == 0 ? [] : await db.Conversations.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var contactIds = conversations.Values.Select(c => c.ContactId).Distinct().ToList();
            var contacts = contactIds.Count == 0 ? [] : await db.Contacts.Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var replies = replyIds.Count == 0 ? [] : await db.Messages.AsNoTracking().Where(m => replyIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
            var queued = ids.Count == 0 ? [] : await db.TeamQueue.Where(q => ids.Contains(q.ConversationId)).ToListAsync(ct);

            // The text of the message that opened a conversation, for branch conditions on the first message.
            var openedIds = batch.OfType<EngineWork.ConversationOpened>()
                .Select(o => conversations.GetValueOrDefault(o.ConversationId)?.FirstMessageId).OfType<Guid>().ToList();
            var firstMessages = new Dictionary<Guid, string>();
            foreach (var id in openedIds) if (replies.TryGetValue(id, out var known)) firstMessages[id] = known.Body;
            var missing = openedIds.Where(id => !firstMessages.ContainsKey(id)).ToList();
            if (missing.Count > 0)
                foreach (var m in await db.Messages.AsNoTracking().Where(m => missing.Contains(m.Id)).Select(m => new { m.Id, m.Body }).ToListAsync(ct))
                    firstMessages[m.Id] = m.Body;

            var openedConversations = batch.OfType<EngineWork.ConversationOpened>().Select(o => o.ConversationId).Distinct().ToList();
            var started = openedConversations.Count == 0 ? [] : (await db.WorkflowRuns.AsNoTracking()
                    .Where(r => openedConversations.Contains(r.ConversationId))
                    .Select(r => new { r.ConversationId, r.WorkflowId }).Distinct().ToListAsync(ct))
                .Select(r => (r.ConversationId, r.WorkflowId)).ToHashSet();

            var closedIds = batch.OfType<EngineWork.ConversationClosed>().Select(c => c.ConversationId).Distinct().ToList();
            var startedOnClose = closedIds.Count == 0 ? [] : (await db.WorkflowRuns.AsNoTracking()
                    .Where(r => closedIds.Contains(r.ConversationId))
                    .Select(r => new { r.ConversationId, r.WorkflowId, r.StartedAt }).ToListAsync(ct))
                .Where(r => conversations.GetValueOrDefault(r.ConversationId)?.ClosedAt is { } closedAt && r.StartedAt >= closedAt)
                .Select(r => (r.ConversationId, r.WorkflowId)).ToHashSet();

            return new BatchState(conversations, contacts, runs.ToDictionary(r => r.Id), replies, firstMessages, queued, started, startedOnClose);
        }
    }
}
