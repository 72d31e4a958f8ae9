using System.Text.Json.Serialization;

namespace Inbound.Domain.Workflows;

/// <summary>
/// A node of a workflow graph: an id that edges refer to, a position for the designer and the settings of its kind
/// (the derived class). Its outcomes are the named ways it can finish; each one is wired to a next node by an edge.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ConversationOpenedTrigger), "conversationOpened")]
[JsonDerivedType(typeof(ConversationClosedTrigger), "conversationClosed")]
[JsonDerivedType(typeof(ManualTrigger), "manual")]
[JsonDerivedType(typeof(AskQuestionStep), "askQuestion")]
[JsonDerivedType(typeof(UpdateContactFieldStep), "updateContactField")]
[JsonDerivedType(typeof(AddTagStep), "addTag")]
[JsonDerivedType(typeof(RemoveTagStep), "removeTag")]
[JsonDerivedType(typeof(AddCommentStep), "addComment")]
[JsonDerivedType(typeof(SendMessageStep), "sendMessage")]
[JsonDerivedType(typeof(HttpRequestStep), "httpRequest")]
[JsonDerivedType(typeof(BranchStep), "branch")]
[JsonDerivedType(typeof(BusinessHoursStep), "businessHours")]
[JsonDerivedType(typeof(AssignToStep), "assignTo")]
[JsonDerivedType(typeof(UnassignStep), "unassign")]
[JsonDerivedType(typeof(CloseConversationStep), "closeConversation")]
[JsonDerivedType(typeof(WaitStep), "wait")]
[JsonDerivedType(typeof(JumpToStep), "jumpTo")]
[JsonDerivedType(typeof(EndStep), "end")]
[JsonDerivedType(typeof(AskForRatingStep), "askForRating")]
[JsonDerivedType(typeof(AnswerWithAiStep), "answerWithAi")]
[JsonDerivedType(typeof(ClassifyStep), "classify")]
public abstract class WorkflowNode
{
    public string Id { get; set; } = "";

    /// <summary>Position on the designer's canvas.</summary>
    public double X { get; set; }
    public double Y { get; set; }

    /// <summary>An optional name the admin gives the node; the kind's name is shown when empty.</summary>
    public string? Label { get; set; }

    // The kind is the JSON discriminator: the public properties are ignored so that it is written once.
    [JsonIgnore] public NodeKind Kind => KindValue;

    /// <summary>The name of the kind, as the palette shows it.</summary>
    [JsonIgnore] public string KindName => KindNameValue;

    protected abstract NodeKind KindValue { get; }
    protected abstract string KindNameValue { get; }

    [JsonIgnore] public string Title => string.IsNullOrWhiteSpace(Label) ? KindName : Label!;

    /// <summary>The ways this node can finish, in the order the designer shows its ports.</summary>
    public abstract IReadOnlyList<NodeOutcome> Outcomes();

    /// <summary>One line that says what the node does with its settings, e.g. "Assign to Support · round robin · online only".</summary>
    public abstract Phrase Summarize(WorkflowNames names);

    /// <summary>The summary in English, for the API and logs; screens say <see cref="Summarize"/> in their reader's language.</summary>
    public string Summary(WorkflowNames names) => Summarize(names).English;

    public string Summary() => Summary(WorkflowNames.None);

    /// <summary>Required settings that are missing or wrong, as messages a person can act on.</summary>
    public virtual IEnumerable<Phrase> Problems() => [];

    /// <summary>The problems in English, for the API and logs.</summary>
    public IEnumerable<string> SettingProblems() => Problems().Select(p => p.English);

    protected static IReadOnlyList<NodeOutcome> Single(string key, string label) => [new NodeOutcome(key, label)];

    protected static string Shorten(string? text, int max = 40)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }
}

/// <summary>A node that starts runs. A workflow has exactly one.</summary>
public abstract class TriggerNode : WorkflowNode
{
    public override IReadOnlyList<NodeOutcome> Outcomes() => Single(Workflows.Outcomes.Next, "Then");
}

/// <summary>A node that does something while a run passes through it.</summary>
public abstract class StepNode : WorkflowNode;
