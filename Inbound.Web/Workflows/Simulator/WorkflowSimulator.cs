using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Data;
using Inbound.Web.Workflows.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Workflows.Simulator;

/// <summary>
/// Starts simulations of a draft. It only reads: today's agents and queues for the assignment, the sample contact to
/// copy, the names for the explanations, the knowledge an AI step answers from. Everything the run does stays in the
/// <see cref="WorkflowSimulation"/>.
/// </summary>
public sealed class WorkflowSimulator(
    IDbContextFactory<InboundDbContext> dbFactory,
    MessageLanguages languages,
    HttpStepClient http,
    Classifier.TopicClassifier classifier,
    Ai.AiStepAnswerer ai,
    TimeProvider clock,
    IOptions<WorkflowEngineOptions> options)
{
    /// <summary>Recent contacts to play.</summary>
    public async Task<IReadOnlyList<SampleContact>> SampleContactsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Contacts.AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(50)
            .Select(c => new SampleContact(c.Id, c.Name)).ToListAsync(ct);
    }

    /// <param name="httpAllowed">Ids of HTTP steps the admin lets the simulation really call.</param>
    public async Task<WorkflowSimulation> StartAsync(Guid workflowId, string workflowName, WorkflowDefinition draft, SimulationSample sample,
        IEnumerable<string>? httpAllowed = null, CancellationToken ct = default)
    {
        if (draft.Trigger is not { } trigger) throw new InvalidOperationException("The draft needs a trigger to be tested.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var roster = await AgentRoster.LoadAsync(db, tracked: false, ct);
        var queues = await db.TeamQueue.AsNoTracking().GroupBy(q => q.TeamId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var channel = await db.Channels.AsNoTracking().Where(c => sample.ChannelKey == null || c.Key == sample.ChannelKey).OrderBy(c => c.Key).FirstAsync(ct);

        var contact = Contact.FromChannel(channel.Id, $"simulated-{Guid.NewGuid():N}", sample.Name, null, null, now);
        if (sample.ContactId is { } id && await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } existing)
        {
            // A copy: the simulation may tag it and fill its fields; the real contact never changes.
            contact = Contact.FromChannel(channel.Id, $"simulated-{Guid.NewGuid():N}", sample.Name ?? existing.Name, existing.Phone, existing.Email, now);
            foreach (var (key, value) in existing.Fields) contact.SetField(key, value);
            foreach (var tag in existing.Tags) contact.AddTag(tag);
        }
        foreach (var (key, value) in sample.Fields ?? new Dictionary<string, string>()) contact.SetField(key, value);
        foreach (var tag in sample.Tags ?? []) contact.AddTag(tag);

        var conversation = Conversation.Open(contact.Id, channel.Id, ConversationSource.Contact, now);
        var first = conversation.ReceiveFromContact(sample.FirstMessage, null, now);
        var names = new WorkflowNames(roster.TeamNames, roster.Agents.ToDictionary(a => a.Key, a => a.Value.Name));
        var context = new SimulatedRunContext(conversation, contact, channel.Key, roster, queues, names, languages, options.Value.ContactNameFallback)
        {
            Now = now,
            LastMessageText = first.Body,
            Classifier = classifier,
        };
        context.AddContactMessage(first);
        var run = new WorkflowRun(workflowId, workflowName, Guid.Empty, 0, conversation.Id, contact.Id, first.Id, trigger.Id, now);
        var runnable = TeamHoursResolution.Resolve(draft.Clone(), await PublishedWorkflows.TeamHoursAsync(db, ct));
        var simulation = new WorkflowSimulation(runnable, context, run, http, httpAllowed ?? [], ai);
        await simulation.StartAsync(ct);
        return simulation;
    }
}
