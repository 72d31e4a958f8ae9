using Inbound.Domain.Agents;
using Inbound.Domain.Workflows;
using Inbound.Tests.Workflows;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Ai;

/// <summary>
/// <see cref="AiApp"/> with two knowledge articles indexed and one published workflow: on a new conversation, answer
/// with AI; every outcome then goes on to assign the conversation to Support, where Ben is online.
/// </summary>
public sealed class AiWorkflowApp : AiApp
{
    public const string ShippingArticle = "Shipping";
    public const string ReturnsArticle = "Returns";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var knowledge = Services.GetRequiredService<KnowledgeBase>();
        await knowledge.AddAsync(ShippingArticle, "We ship every order within 3 working days. Shipping costs 5 euros, free above 50 euros.", null, Actor.System);
        await knowledge.AddAsync(ReturnsArticle, "You can return an item within 30 days of delivery for a full refund. Print the return label from your account.", null, Actor.System);
        await Eventually.TrueAsync(() => QueryAsync(db => db.Set<KnowledgeArticle>().AllAsync(a => a.Status == KnowledgeStatus.Ready)), "the articles to be indexed");

        var support = await this.TeamIdAsync("Support");
        await this.SetAvailabilityAsync("ben@inbound.local", AgentAvailability.Online);
        await this.PublishAsync("AI first", new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" })
            .Add(new AnswerWithAiStep { Id = "ai", MaxTurns = 2, TopSources = 1, FollowUpMinutes = 30 })
            .Add(new AssignToStep { Id = "assign", TeamId = support, Strategy = AssignmentStrategy.RoundRobin, OnlineOnly = true, RespectCapacity = false })
            .Add(new EndStep { Id = "end" })
            .Connect("trigger", Outcomes.Next, "ai")
            .Connect("ai", Outcomes.Answered, "assign")
            .Connect("ai", Outcomes.HandOver, "assign")
            .Connect("ai", Outcomes.Failure, "assign")
            .Connect("assign", Outcomes.Assigned, "end")
            .Connect("assign", Outcomes.NobodyAvailable, "end"));
    }
}
