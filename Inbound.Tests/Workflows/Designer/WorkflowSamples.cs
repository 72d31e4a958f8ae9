using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;

namespace Inbound.Tests.Workflows.Designer;

/// <summary>Definitions the designer tests draw: the seeded template, and one valid workflow with every kind of step.</summary>
public static class WorkflowSamples
{
    public static readonly Guid Sales = Guid.Parse("0199a0a0-0000-7000-8000-000000000001");
    public static readonly Guid Support = Guid.Parse("0199a0a0-0000-7000-8000-000000000002");
    public static readonly Guid Billing = Guid.Parse("0199a0a0-0000-7000-8000-000000000003");
    public static readonly Guid Ana = Guid.Parse("0199a0a0-0000-7000-8000-0000000000a1");

    /// <summary>The names the designer knows for the samples' ids; Sales and Billing are left unnamed on purpose.</summary>
    public static readonly WorkflowNames Names = new(new Dictionary<Guid, string> { [Support] = "Support" }, new Dictionary<Guid, string> { [Ana] = "Ana" });

    public static WorkflowDefinition Template() =>
        InboundConversationsTemplate.Create(new Dictionary<string, Guid> { ["Sales"] = Sales, ["Support"] = Support, ["Billing"] = Billing });

    /// <summary>A valid satisfaction survey: on closing, ask for a rating and thank the contact; the one step EveryStepType cannot hold.</summary>
    public static WorkflowDefinition Rating() => new WorkflowDefinition()
        .Add(new ConversationClosedTrigger { Id = "closed-trigger", X = 0, Y = 100 })
        .Add(new AskForRatingStep { Id = "rate", Question = "How did we do?", CommentQuestion = "Tell us more?", WindowMinutes = 180, X = 250, Y = 100 })
        .Add(new SendMessageStep { Id = "thanks", Text = "Thank you!", X = 500, Y = 50 })
        .Add(new EndStep { Id = "end", X = 750, Y = 150 })
        .Connect("closed-trigger", Outcomes.Next, "rate").Connect("rate", Outcomes.Rated, "thanks").Connect("rate", Outcomes.NoAnswer, "end")
        .Connect("thanks", Outcomes.Next, "end");

    /// <summary>A workflow that passes validation and uses every step type (the one trigger it may have, and all steps).</summary>
    /// <summary>A valid AI-first workflow: answer with AI, and whatever its outcome, assign to Support.</summary>
    public static WorkflowDefinition AiAnswer() => new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger", X = 0, Y = 100 })
        .Add(new AnswerWithAiStep { Id = "answer", Instructions = "You answer for Acme Shoes.", MaxTurns = 2, TopSources = 4, FollowUpMinutes = 15, X = 250, Y = 100 })
        .Add(new AssignToStep { Id = "assign", TeamId = Support, X = 550, Y = 100 })
        .Add(new EndStep { Id = "end", X = 850, Y = 100 })
        .Connect("trigger", Outcomes.Next, "answer")
        .Connect("answer", Outcomes.Answered, "assign").Connect("answer", Outcomes.HandOver, "assign").Connect("answer", Outcomes.Failure, "assign")
        .Connect("assign", Outcomes.Assigned, "end").Connect("assign", Outcomes.NobodyAvailable, "end");

    public static WorkflowDefinition Classified() => new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger", X = 0, Y = 100 })
        .Add(new ClassifyStep { Id = "classify", Labels = ["Billing", "Sales"], Threshold = 0.6, X = 250, Y = 100 })
        .Add(new AssignToStep { Id = "assign", TeamId = Support, X = 550, Y = 100 })
        .Add(new EndStep { Id = "end", X = 850, Y = 100 })
        .Connect("trigger", Outcomes.Next, "classify")
        .Connect("classify", Outcomes.Label("Billing"), "assign").Connect("classify", Outcomes.Label("Sales"), "assign").Connect("classify", Outcomes.Unsure, "end")
        .Connect("assign", Outcomes.Assigned, "end").Connect("assign", Outcomes.NobodyAvailable, "end");

    public static WorkflowDefinition EveryStepType()
    {
        var d = new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger", Sources = [ConversationSource.Contact, ConversationSource.Api], ChannelKeys = ["webchat"], X = 0, Y = 100 })
            .Add(new AskQuestionStep { Id = "ask", Question = "Your email?", AnswerType = AnswerType.Email, SaveToField = "Email", TimeoutMinutes = 10, X = 250.5, Y = 100 })
            .Add(new UpdateContactFieldStep { Id = "field", Field = "Stage", Value = "lead", X = 500, Y = 100 })
            .Add(new AddTagStep { Id = "tag", Tag = "new", X = 750, Y = 100 })
            .Add(new RemoveTagStep { Id = "untag", Tag = "cold", X = 1000, Y = 100 })
            .Add(new HttpRequestStep
            {
                Id = "crm", Method = "POST", Url = "https://crm.example.com/lookup", Headers = [new("X-Key", "k")], Body = "{\"email\":\"{{contact.email}}\"}",
                ResponseMappings = [new("customer.plan", "Plan")], TimeoutSeconds = 5, X = 1250, Y = 100,
            })
            .Add(new BranchStep
            {
                Id = "route", X = 1500, Y = 100,
                Rules = [new BranchRule { Id = "vip", Label = "VIP", Match = ConditionMatch.Any, Conditions = [new() { Subject = ConditionSubject.Tag, Operator = ConditionOperator.Contains, Value = "vip" }, new() { Subject = ConditionSubject.ContactField, Field = "Plan", Value = "gold" }] }],
            })
            .Add(new BusinessHoursStep { Id = "hours", TimeZone = "UTC", Schedule = BusinessHoursStep.Weekdays(new(9, 0), new(17, 0)), Holidays = [new DateOnly(2026, 12, 25)], X = 1750, Y = 100 })
            .Add(new AssignToStep { Id = "assign-agent", Target = AssignTarget.Agent, AgentId = Ana, OnlineOnly = false, X = 2000, Y = 0 })
            .Add(new AssignToStep { Id = "assign-team", TeamId = Support, Strategy = AssignmentStrategy.LeastOpen, QueueWhenNobodyAvailable = true, X = 2000, Y = 200 })
            .Add(new SendMessageStep { Id = "closed", Text = "We're closed.", X = 1750, Y = 300 })
            .Add(new AddCommentStep { Id = "comment", Text = "Nobody was free", X = 2250, Y = 200 })
            .Add(new WaitStep { Id = "wait", Minutes = 90, X = 2500, Y = 200 })
            .Add(new UnassignStep { Id = "unassign", X = 2750, Y = 200 })
            .Add(new JumpToStep { Id = "again", TargetNodeId = "assign-team", X = 3000, Y = 200 })
            .Add(new CloseConversationStep { Id = "close", Category = "Spam", Note = "Bad data", X = 1500, Y = 400 })
            .Add(new EndStep { Id = "end", Label = "Done", X = 2500, Y = 0 });
        d.Connect("trigger", Outcomes.Next, "ask")
            .Connect("ask", Outcomes.Answered, "field").Connect("ask", Outcomes.Invalid, "close").Connect("ask", Outcomes.Timeout, "close")
            .Connect("field", Outcomes.Next, "tag").Connect("tag", Outcomes.Next, "untag").Connect("untag", Outcomes.Next, "crm")
            .Connect("crm", Outcomes.Success, "route").Connect("crm", Outcomes.Failure, "hours")
            .Connect("route", Outcomes.Rule("vip"), "assign-agent").Connect("route", Outcomes.Else, "hours")
            .Connect("hours", Outcomes.Open, "assign-team").Connect("hours", Outcomes.Closed, "closed")
            .Connect("closed", Outcomes.Next, "end")
            .Connect("assign-agent", Outcomes.Assigned, "end").Connect("assign-agent", Outcomes.NobodyAvailable, "assign-team")
            .Connect("assign-team", Outcomes.Assigned, "end").Connect("assign-team", Outcomes.NobodyAvailable, "comment")
            .Connect("comment", Outcomes.Next, "wait").Connect("wait", Outcomes.Next, "unassign").Connect("unassign", Outcomes.Next, "again");
        return d;
    }
}
