using Inbound.Domain.Workflows;

namespace Inbound.Tests.Workflows.Simulator;

/// <summary>
/// A draft with a question, a second question with a timeout, a business-hours step and an assignment:
/// trigger → order number? → anything else? (10 min) → open? → assign Support (else a closed notice).
/// </summary>
public static class SimulatorSamples
{
    public static WorkflowDefinition QuestionHoursAndAssignment(Guid supportTeamId) => new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger", X = 40, Y = 200 })
        .Add(new AskQuestionStep { Id = "ask-order", Question = "What is your order number?", SaveToField = "Order", X = 340, Y = 200 })
        .Add(new AskQuestionStep { Id = "ask-more", Question = "Anything else we should know?", TimeoutMinutes = 10, X = 640, Y = 200 })
        .Add(new BusinessHoursStep { Id = "hours", TimeZone = "UTC", Schedule = BusinessHoursStep.Weekdays(new TimeOnly(6, 0), new TimeOnly(20, 0)), X = 940, Y = 200 })
        .Add(new AssignToStep { Id = "assign", TeamId = supportTeamId, QueueWhenNobodyAvailable = true, X = 1240, Y = 120 })
        .Add(new SendMessageStep { Id = "closed", Text = "We are closed; we answer when we open.", X = 1240, Y = 360 })
        .Add(new EndStep { Id = "end", X = 1540, Y = 200 })
        .Connect("trigger", Outcomes.Next, "ask-order")
        .Connect("ask-order", Outcomes.Answered, "ask-more")
        .Connect("ask-order", Outcomes.Invalid, "end")
        .Connect("ask-more", Outcomes.Answered, "hours")
        .Connect("ask-more", Outcomes.Invalid, "hours")
        .Connect("ask-more", Outcomes.Timeout, "hours")
        .Connect("hours", Outcomes.Open, "assign")
        .Connect("hours", Outcomes.Closed, "closed")
        .Connect("assign", Outcomes.Assigned, "end")
        .Connect("assign", Outcomes.NobodyAvailable, "end")
        .Connect("closed", Outcomes.Next, "end");
}

/// <summary>trigger → answer with AI → end when answered; a fallback message when it hands over or fails.</summary>
public static class AiSimulatorSamples
{
    public const string Fallback = "A colleague will answer you shortly.";

    public static WorkflowDefinition AnswerWithAi() => new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger", X = 40, Y = 200 })
        .Add(new AnswerWithAiStep { Id = "ai", MaxTurns = 2, TopSources = 1, FollowUpMinutes = 10, X = 340, Y = 200 })
        .Add(new SendMessageStep { Id = "fallback", Text = Fallback, X = 640, Y = 360 })
        .Add(new EndStep { Id = "end", X = 940, Y = 200 })
        .Connect("trigger", Outcomes.Next, "ai")
        .Connect("ai", Outcomes.Answered, "end")
        .Connect("ai", Outcomes.HandOver, "fallback")
        .Connect("ai", Outcomes.Failure, "fallback")
        .Connect("fallback", Outcomes.Next, "end");
}
