namespace Inbound.Domain.Workflows;

/// <summary>Every kind of node, new and with default settings: what the designer's palette drops on the canvas.</summary>
public static class NodeCatalog
{
    public static IReadOnlyList<NodeKind> Triggers { get; } = [NodeKind.ConversationOpened, NodeKind.ConversationClosed, NodeKind.Manual];

    public static IReadOnlyList<NodeKind> Steps { get; } = [.. Enum.GetValues<NodeKind>().Except(Triggers)];

    public static WorkflowNode Create(NodeKind kind, string id, double x = 0, double y = 0)
    {
        WorkflowNode node = kind switch
        {
            NodeKind.ConversationOpened => new ConversationOpenedTrigger(),
            NodeKind.ConversationClosed => new ConversationClosedTrigger(),
            NodeKind.Manual => new ManualTrigger(),
            NodeKind.AskQuestion => new AskQuestionStep(),
            NodeKind.UpdateContactField => new UpdateContactFieldStep(),
            NodeKind.AddTag => new AddTagStep(),
            NodeKind.RemoveTag => new RemoveTagStep(),
            NodeKind.AddComment => new AddCommentStep(),
            NodeKind.SendMessage => new SendMessageStep(),
            NodeKind.HttpRequest => new HttpRequestStep(),
            NodeKind.Branch => new BranchStep(),
            NodeKind.BusinessHours => new BusinessHoursStep { Schedule = BusinessHoursStep.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)) },
            NodeKind.AssignTo => new AssignToStep(),
            NodeKind.Unassign => new UnassignStep(),
            NodeKind.CloseConversation => new CloseConversationStep(),
            NodeKind.Wait => new WaitStep(),
            NodeKind.JumpTo => new JumpToStep(),
            NodeKind.End => new EndStep(),
            NodeKind.AskForRating => new AskForRatingStep(),
            NodeKind.AnswerWithAi => new AnswerWithAiStep(),
            NodeKind.Classify => new ClassifyStep(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown node kind."),
        };
        node.Id = id;
        node.X = x;
        node.Y = y;
        return node;
    }

    /// <summary>An id not used yet in the definition, from the kind's name: "askQuestion-3".</summary>
    public static string NewId(WorkflowDefinition definition, NodeKind kind)
    {
        var prefix = char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];
        for (var n = 1; ; n++)
            if (definition.FindNode($"{prefix}-{n}") is null) return $"{prefix}-{n}";
    }
}
