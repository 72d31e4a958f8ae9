using Inbound.Domain.Workflows;

namespace Inbound.Tests.Domain.Workflows;

public class WorkflowDefinitionJsonTests
{
    private static readonly Dictionary<string, Guid> Teams = new() { ["Sales"] = Guid.NewGuid(), ["Support"] = Guid.NewGuid(), ["Billing"] = Guid.NewGuid() };

    [Fact]
    public void The_seeded_template_survives_a_json_round_trip_with_every_setting()
    {
        var original = InboundConversationsTemplate.Create(Teams);

        var json = WorkflowJson.Serialize(original);
        var copy = WorkflowJson.Deserialize(json);

        Assert.Equal(json, WorkflowJson.Serialize(copy));
        Assert.Equal(original.Nodes.Select(n => (n.Id, n.Kind, n.X, n.Y)), copy.Nodes.Select(n => (n.Id, n.Kind, n.X, n.Y)));
        var ask = Assert.IsType<AskQuestionStep>(copy.FindNode("ask-topic"));
        Assert.Equal(["Sales", "Support", "Billing"], ask.Options);
        Assert.Equal(30, ask.TimeoutMinutes);
        var assign = Assert.IsType<AssignToStep>(copy.FindNode("assign-support"));
        Assert.Equal(Teams["Support"], assign.TeamId);
        Assert.True(assign.QueueWhenNobodyAvailable);
        Assert.Equal(original.Edges, copy.Edges);
    }

    [Fact]
    public void Nodes_are_written_with_their_kind_and_enums_by_name()
    {
        var definition = new WorkflowDefinition().Add(new AssignToStep { Id = "a", Strategy = AssignmentStrategy.LeastOpen });

        var json = WorkflowJson.Serialize(definition);

        Assert.Contains("\"kind\":\"assignTo\"", json);
        Assert.Contains("\"strategy\":\"LeastOpen\"", json);
    }

    [Fact]
    public void Every_node_kind_round_trips()
    {
        var definition = new WorkflowDefinition();
        foreach (var node in AllKinds()) definition.Add(node);

        var copy = WorkflowJson.Deserialize(WorkflowJson.Serialize(definition));

        Assert.Equal(Enum.GetValues<NodeKind>(), copy.Nodes.Select(n => n.Kind));
    }

    [Fact]
    public void Nodes_list_their_outcomes_with_labels()
    {
        var ask = new AskQuestionStep { AnswerType = AnswerType.MultipleChoice, Options = ["Sales", "Support"], TimeoutMinutes = 5 };
        var branch = new BranchStep { Rules = [new BranchRule { Id = "vip", Label = "VIP", Conditions = [new() { Subject = ConditionSubject.Tag, Value = "vip" }] }] };

        Assert.Equal(["option:Sales", "option:Support", "invalid", "timeout"], ask.Outcomes().Select(o => o.Key));
        Assert.Equal(["answered", "invalid"], new AskQuestionStep().Outcomes().Select(o => o.Key));
        Assert.Equal(["rule:vip", "else"], branch.Outcomes().Select(o => o.Key));
        Assert.Equal(["VIP", "Else"], branch.Outcomes().Select(o => o.Label));
        Assert.Equal(["assigned", "nobodyAvailable"], new AssignToStep().Outcomes().Select(o => o.Key));
        Assert.Equal(["open", "closed"], new BusinessHoursStep().Outcomes().Select(o => o.Key));
        Assert.Equal(["success", "failure"], new HttpRequestStep().Outcomes().Select(o => o.Key));
    }

    [Fact]
    public void Summaries_read_as_one_line_with_names()
    {
        var support = Guid.NewGuid();
        var names = new WorkflowNames(new Dictionary<Guid, string> { [support] = "Support" }, new Dictionary<Guid, string>());
        var assign = new AssignToStep { TeamId = support, Strategy = AssignmentStrategy.RoundRobin, OnlineOnly = true, RespectCapacity = false };

        Assert.Equal("Assign to Support · round robin · online only", assign.Summary(names));
        Assert.Equal("Wait 2 hours", new WaitStep { Minutes = 120 }.Summary());
        Assert.Equal("Mon, Tue, Wed, Thu, Fri · 08:00–18:00 · Europe/Berlin",
            new BusinessHoursStep { TimeZone = "Europe/Berlin", Schedule = BusinessHoursStep.Weekdays(new(8, 0), new(18, 0)) }.Summary());
    }

    [Fact]
    public void The_catalog_creates_every_kind_with_a_fresh_id()
    {
        var definition = new WorkflowDefinition();
        foreach (var kind in NodeCatalog.Triggers.Concat(NodeCatalog.Steps))
            definition.Add(NodeCatalog.Create(kind, NodeCatalog.NewId(definition, kind), 10, 20));

        Assert.Equal(Enum.GetValues<NodeKind>().Order(), definition.Nodes.Select(n => n.Kind).Order());
        Assert.Equal("askQuestion-2", NodeCatalog.NewId(definition, NodeKind.AskQuestion));
        Assert.Empty(((BusinessHoursStep)definition.Nodes.Single(n => n.Kind == NodeKind.BusinessHours)).SettingProblems());
    }

    internal static IEnumerable<WorkflowNode> AllKinds() =>
    [
        new ConversationOpenedTrigger { Id = "t1" }, new ConversationClosedTrigger { Id = "t2" }, new ManualTrigger { Id = "t3" },
        new AskQuestionStep { Id = "s1", Question = "?" }, new UpdateContactFieldStep { Id = "s2" }, new AddTagStep { Id = "s3" },
        new RemoveTagStep { Id = "s4" }, new AddCommentStep { Id = "s5" }, new SendMessageStep { Id = "s6" },
        new HttpRequestStep { Id = "s7", Headers = [new("X-Key", "k")], ResponseMappings = [new("plan", "Plan")] },
        new BranchStep { Id = "s8" }, new BusinessHoursStep { Id = "s9", Holidays = [new DateOnly(2026, 12, 25)] },
        new AssignToStep { Id = "s10" }, new UnassignStep { Id = "s11" }, new CloseConversationStep { Id = "s12" },
        new WaitStep { Id = "s13" }, new JumpToStep { Id = "s14" }, new EndStep { Id = "s15" }, new AskForRatingStep { Id = "s16" },
        new AnswerWithAiStep { Id = "s17" },
        new ClassifyStep { Id = "s17", Labels = ["Sales", "Billing"], Threshold = 0.5 },
    ];
}
