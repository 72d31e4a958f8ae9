using System.Net;
using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Tests.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.ScaleOut;

/// <summary>
/// Support has nobody online. A workflow asks each new contact a question, thanks them for the answer and queues the
/// conversation for Support.
/// </summary>
public sealed class QuestionThenSupportQueueCluster : TwoNodeCluster
{
    public const string Thanks = "Thanks, noted.";

    protected override async Task PrepareAsync(InboundApp setup)
    {
        var support = await setup.TeamIdAsync("Support");
        await setup.PublishAsync("Ask, then queue for Support", new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" })
            .Add(new AskQuestionStep { Id = "ask", Question = "What is your order number?" })
            .Add(new SendMessageStep { Id = "thanks", Text = Thanks })
            .Add(new AssignToStep { Id = "assign", TeamId = support, Strategy = AssignmentStrategy.RoundRobin, OnlineOnly = true, RespectCapacity = true, QueueWhenNobodyAvailable = true })
            .Add(new EndStep { Id = "end" })
            .Connect("trigger", Outcomes.Next, "ask")
            .Connect("ask", Outcomes.Answered, "thanks").Connect("ask", Outcomes.Invalid, "thanks")
            .Connect("thanks", Outcomes.Next, "assign")
            .Connect("assign", Outcomes.Assigned, "end").Connect("assign", Outcomes.NobodyAvailable, "end"));
        await setup.SetCapacityAsync("ben@inbound.local", 100);
    }
}

[Trait("Category", "PostgreSqlPass")] // scripts/test.sh runs it on PostgreSQL only: the setup README prescribes for several nodes
public class NodeCrashTests(QuestionThenSupportQueueCluster cluster) : IClassFixture<QuestionThenSupportQueueCluster>
{
    [Fact]
    public async Task After_node_A_is_killed_node_B_resumes_its_waiting_runs_and_assigns_its_queued_conversations_each_exactly_once()
    {
        var onA = new ChannelClient(cluster.A.CreateHttpClient());
        var contacts = Enumerable.Range(0, 6).Select(_ => $"crash-{Guid.NewGuid():N}").ToArray();
        var opened = await Task.WhenAll(contacts.Select(c => onA.SendOkAsync($"m-{Guid.NewGuid():N}", c, "Hello, my parcel is late")));
        var conversations = opened.Select(o => o.ConversationId).ToArray();
        await Eventually.TrueAsync(async () => await cluster.QueryAsync(db => db.WorkflowRuns
                .CountAsync(r => conversations.Contains(r.ConversationId) && r.Status == RunStatus.Waiting && r.WaitingFor == RunWait.Reply)) == 6,
            "every run to wait for an answer", TimeSpan.FromSeconds(60));

        // The answers reach A, and A dies at once: whatever A had not done yet lived only in its memory.
        await Task.WhenAll(contacts.Select(c => onA.SendOkAsync($"m-{Guid.NewGuid():N}", c, "Order 4711")));
        cluster.A.Crash();

        // Someone comes online on B: the conversations queued for Support, by A before it died or by B since, go to them.
        using var online = await cluster.Http(cluster.B, "ben@inbound.local").PutAsJsonAsync("api/inbox/me/availability", new { availability = AgentAvailability.Online.ToString() });
        Assert.Equal(HttpStatusCode.NoContent, online.StatusCode);
        await Eventually.TrueAsync(async () => await cluster.QueryAsync(db => db.Conversations
                .CountAsync(c => conversations.Contains(c.Id) && c.AssigneeId != null)) == 6,
            "node B to assign every conversation", TimeSpan.FromSeconds(90));

        var ben = await cluster.QueryAsync(db => db.Agents.Where(a => a.Email == "ben@inbound.local").Select(a => a.Id).SingleAsync());
        var runs = await cluster.QueryAsync(db => db.WorkflowRuns.AsNoTracking().Where(r => conversations.Contains(r.ConversationId)).ToListAsync());
        var thanks = await cluster.QueryAsync(db => db.Messages
            .Where(m => conversations.Contains(m.ConversationId) && m.AuthorKind == AuthorKind.Workflow && m.Body == QuestionThenSupportQueueCluster.Thanks)
            .GroupBy(m => m.ConversationId).Select(g => g.Count()).ToListAsync());
        Assert.All(conversations, id => Assert.Single(runs, r => r.ConversationId == id && r.Status == RunStatus.Completed));
        Assert.Equal(Enumerable.Repeat(1, 6), thanks);
        Assert.Equal(6, await cluster.QueryAsync(db => db.Conversations.CountAsync(c => conversations.Contains(c.Id) && c.AssigneeId == ben)));
        Assert.False(await cluster.QueryAsync(db => db.TeamQueue.AnyAsync(q => conversations.Contains(q.ConversationId))), "nothing is left in the queue");
    }
}
