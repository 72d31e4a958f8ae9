using Inbound.Domain.Conversations;

namespace Inbound.Domain.Workflows;

/// <summary>
/// The example workflow: a contact's new conversation is asked what it is about (saved to Topic), checked against
/// business hours, routed to the Sales, Support or Billing team and assigned round robin to an online agent, or left in
/// the team's queue with a message telling the contact their place in line. Out of hours the contact is told once
/// when the team opens, and the run waits for that opening before it routes and assigns: an agent who happens to be
/// online at night is not handed the conversation.
/// </summary>
public static class InboundConversationsTemplate
{
    public const string Name = "Inbound conversations";
    public const string TopicField = "Topic";
    public const string Question = "What can we help you with?";
    public static readonly string[] Topics = ["Sales", "Support", "Billing"];

    // The first users write in Thai: the example asks them in Thai (a contact whose language is th), the rest in English.
    public const string ThaiQuestion = "มีอะไรให้เราช่วยคะ";
    public static readonly string[] ThaiTopics = ["ฝ่ายขาย", "ฝ่ายบริการลูกค้า", "ฝ่ายบัญชี"];
    public const string ThaiInvalidAnswer = "กรุณาเลือกหนึ่งข้อ: ฝ่ายขาย ฝ่ายบริการลูกค้า หรือฝ่ายบัญชี";

    /// <param name="teamIdsByName">The ids of the Sales, Support and Billing teams; a missing team is left for the admin to choose.</param>
    public static WorkflowDefinition Create(IReadOnlyDictionary<string, Guid> teamIdsByName)
    {
        Guid? Team(string name) => teamIdsByName.TryGetValue(name, out var id) ? id : null;

        var definition = new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger", Sources = [ConversationSource.Contact], X = 40, Y = 300 })
            .Add(new AskQuestionStep
            {
                Id = "ask-topic", X = 340, Y = 260, Question = Question, AnswerType = AnswerType.MultipleChoice,
                Options = [.. Topics], SaveToField = TopicField, MaxRetries = 2,
                InvalidAnswerMessage = "Please choose one of: Sales, Support or Billing.", TimeoutMinutes = 30,
                Translations = [new StepTranslation { Language = "th", Text = ThaiQuestion, Options = [.. ThaiTopics], InvalidAnswer = ThaiInvalidAnswer }],
            })
            .Add(new BusinessHoursStep
            {
                Id = "hours", X = 640, Y = 230, TimeZone = "Europe/Berlin",
                Schedule = BusinessHoursStep.Weekdays(new TimeOnly(8, 0), new TimeOnly(18, 0)),
            })
            .Add(new SendMessageStep
            {
                Id = "closed-message", X = 640, Y = 500,
                // Routing sends anything that is not Sales or Billing to Support, so the fallback names the same team.
                Text = "Hi {{contact.name}}, we're closed right now. We open {{hours.opens}} (Berlin time) and our {{contact.fields.Topic | Support}} team will answer you then.",
            })
            .Add(new WaitStep { Id = "wait-open", Label = "Wait until open", X = 940, Y = 640, UntilOpenOf = "hours" })
            .Add(new BranchStep
            {
                Id = "route", X = 940, Y = 300,
                Rules =
                [
                    TopicRule("sales", "Sales"),
                    TopicRule("billing", "Billing"),
                ],
            });

        string[] teams = ["Sales", "Support", "Billing"];
        var y = 60;
        foreach (var team in teams)
        {
            definition.Add(new AssignToStep
            {
                Id = $"assign-{team.ToLowerInvariant()}", Label = $"Assign to {team}", X = 1240, Y = y,
                Target = AssignTarget.Team, TeamId = Team(team), Strategy = AssignmentStrategy.RoundRobin,
                OnlineOnly = true, RespectCapacity = true, QueueWhenNobodyAvailable = true,
            });
            y += 270;
        }
        definition
            .Add(new SendMessageStep
            {
                Id = "queued-message", X = 1560, Y = 460,
                Text = "All our agents are busy right now. You are number {{queue.position}} in line; the first free agent of our {{team.name}} team will answer you.",
                Translations =
                [
                    new StepTranslation { Language = "th", Text = "ขณะนี้เจ้าหน้าที่ของเราติดสายทั้งหมด คุณอยู่ในคิวลำดับที่ {{queue.position}} เจ้าหน้าที่ทีม {{team.name}} คนแรกที่ว่างจะตอบคุณค่ะ" },
                ],
            })
            .Add(new EndStep { Id = "end", X = 1860, Y = 300 });

        definition
            .Connect("trigger", Outcomes.Next, "ask-topic")
            .Connect("ask-topic", Outcomes.Invalid, "hours")
            .Connect("ask-topic", Outcomes.Timeout, "hours")
            .Connect("hours", Outcomes.Open, "route")
            .Connect("hours", Outcomes.Closed, "closed-message")
            .Connect("closed-message", Outcomes.Next, "wait-open")
            .Connect("wait-open", Outcomes.Next, "route")
            .Connect("route", Outcomes.Rule("sales"), "assign-sales")
            .Connect("route", Outcomes.Rule("billing"), "assign-billing")
            .Connect("route", Outcomes.Else, "assign-support")
            .Connect("queued-message", Outcomes.Next, "end");
        foreach (var topic in Topics) definition.Connect("ask-topic", Outcomes.Option(topic), "hours");
        foreach (var team in teams)
        {
            definition.Connect($"assign-{team.ToLowerInvariant()}", Outcomes.Assigned, "end");
            definition.Connect($"assign-{team.ToLowerInvariant()}", Outcomes.NobodyAvailable, "queued-message");
        }
        return definition;
    }

    private static BranchRule TopicRule(string id, string topic) => new()
    {
        Id = id, Label = topic,
        Conditions = [new BranchCondition { Subject = ConditionSubject.ContactField, Field = TopicField, Operator = ConditionOperator.Equals, Value = topic }],
    };
}
