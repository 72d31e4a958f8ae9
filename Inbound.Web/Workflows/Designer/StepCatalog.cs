using Inbound.Domain.Workflows;
using MudBlazor;

namespace Inbound.Web.Workflows.Designer;

/// <summary>How the designer presents each kind of node: its palette group, icon and accent colour.</summary>
public sealed record StepKindInfo(NodeKind Kind, StepCategory Category, string Name, string Description, string Icon, string Accent);

public static class StepCatalog
{
    public static readonly IReadOnlyList<StepKindInfo> All =
    [
        new(NodeKind.ConversationOpened, StepCategory.Trigger, "Conversation opened", "Start when a contact writes in", Icons.Material.Filled.Bolt, "#7c3aed"),
        new(NodeKind.ConversationClosed, StepCategory.Trigger, "Conversation closed", "Start when a conversation is closed", Icons.Material.Filled.TaskAlt, "#7c3aed"),
        new(NodeKind.Manual, StepCategory.Trigger, "Manual", "Start by hand from a conversation", Icons.Material.Filled.TouchApp, "#7c3aed"),

        new(NodeKind.AskQuestion, StepCategory.Enrichment, "Ask a question", "Ask and save the answer", Icons.Material.Filled.QuestionAnswer, "#0284c7"),
        new(NodeKind.UpdateContactField, StepCategory.Enrichment, "Update contact field", "Set a field of the contact", Icons.Material.Filled.EditNote, "#0284c7"),
        new(NodeKind.AddTag, StepCategory.Enrichment, "Add tag", "Tag the contact", Icons.Material.Filled.Sell, "#0284c7"),
        new(NodeKind.RemoveTag, StepCategory.Enrichment, "Remove tag", "Untag the contact", Icons.Material.Outlined.Sell, "#0284c7"),
        new(NodeKind.AnswerWithAi, StepCategory.Enrichment, "Answer with AI", "Answer from your knowledge articles", Icons.Material.Filled.AutoAwesome, "#0284c7"),
        new(NodeKind.HttpRequest, StepCategory.Enrichment, "HTTP request", "Call a CRM or order system", Icons.Material.Filled.Http, "#0284c7"),

        new(NodeKind.Branch, StepCategory.Routing, "Branch", "Go one way or another by rules", Icons.Material.Filled.CallSplit, "#d97706"),
        new(NodeKind.Classify, StepCategory.Routing, "Classify", "Predict the team from past conversations", Icons.Material.Filled.Psychology, "#d97706"),
        new(NodeKind.BusinessHours, StepCategory.Routing, "Business hours", "Open or closed right now", Icons.Material.Filled.Schedule, "#d97706"),
        new(NodeKind.JumpTo, StepCategory.Routing, "Jump to", "Go on at another step", Icons.Material.Filled.Redo, "#d97706"),

        new(NodeKind.AssignTo, StepCategory.Assignment, "Assign to", "Give it to an agent or a team", Icons.Material.Filled.AssignmentInd, "#059669"),
        new(NodeKind.Unassign, StepCategory.Assignment, "Unassign", "Remove the assigned agent", Icons.Material.Filled.PersonOff, "#059669"),

        new(NodeKind.SendMessage, StepCategory.Other, "Send message", "Write to the contact", Icons.Material.Filled.Send, "#475569"),
        new(NodeKind.AskForRating, StepCategory.Other, "Ask for a rating", "After closing: 1–5 and a comment", Icons.Material.Filled.StarRate, "#475569"),
        new(NodeKind.AddComment, StepCategory.Other, "Add internal comment", "A note only agents see", Icons.Material.Filled.Comment, "#475569"),
        new(NodeKind.Wait, StepCategory.Other, "Wait", "Pause for a while", Icons.Material.Filled.HourglassEmpty, "#475569"),
        new(NodeKind.CloseConversation, StepCategory.Other, "Close conversation", "Close it with a note", Icons.Material.Filled.Archive, "#475569"),
        new(NodeKind.End, StepCategory.Other, "End", "Finish the run here", Icons.Material.Filled.StopCircle, "#475569"),
    ];

    private static readonly Dictionary<NodeKind, StepKindInfo> ByKind = All.ToDictionary(i => i.Kind);

    public static StepKindInfo For(NodeKind kind) => ByKind[kind];

    public static IEnumerable<IGrouping<StepCategory, StepKindInfo>> Groups() => All.GroupBy(i => i.Category);

    /// <summary>A new node of a kind at a position, with the domain's defaults and an id no other node of the definition has.</summary>
    public static WorkflowNode Create(NodeKind kind, IEnumerable<WorkflowNode> existing, double x, double y)
    {
        var definition = new WorkflowDefinition { Nodes = [.. existing] };
        return NodeCatalog.Create(kind, NodeCatalog.NewId(definition, kind), Math.Round(x), Math.Round(y));
    }
}
