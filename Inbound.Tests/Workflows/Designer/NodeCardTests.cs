using Bunit;
using Inbound.Domain.Workflows;
using Inbound.Tests.Localization;
using Inbound.Web.Workflows.Designer;
using Microsoft.AspNetCore.Components;

namespace Inbound.Tests.Workflows.Designer;

/// <summary>Each kind of step has a card of its own that shows its key settings at a glance, inside the shared frame.</summary>
public class NodeCardTests : DesignerTestBase
{
    /// <summary>A step of each kind and what its card's body must show of its settings.</summary>
    private static readonly Dictionary<NodeKind, (WorkflowNode Step, string[] Shows)> Cases = new()
    {
        [NodeKind.ConversationOpened] = (Sample("trigger"), ["Contact", "Api", "webchat"]),
        [NodeKind.ConversationClosed] = (new ConversationClosedTrigger { Id = "closed-trigger" }, ["Any channel, any team"]),
        [NodeKind.Manual] = (new ManualTrigger { Id = "manual" }, ["From a conversation's page"]),
        [NodeKind.AskQuestion] = (Sample("ask"), ["Your email?", "an email address", "Email", "10 min"]),
        [NodeKind.UpdateContactField] = (Sample("field"), ["Stage", "lead"]),
        [NodeKind.AddTag] = (Sample("tag"), ["new"]),
        [NodeKind.RemoveTag] = (Sample("untag"), ["cold"]),
        [NodeKind.HttpRequest] = (Sample("crm"), ["POST", "https://crm.example.com/lookup", "Plan"]),
        [NodeKind.Branch] = (Sample("route"), ["VIP", "tags contains vip or Plan = gold"]),
        [NodeKind.BusinessHours] = (Sample("hours"), ["Mon–Fri", "09:00–17:00", "UTC", "1 holiday"]),
        [NodeKind.JumpTo] = (Sample("again"), ["Goes on at", "Assign to"]),
        [NodeKind.AssignTo] = (Sample("assign-team"), ["Support", "Least open", "Online only", "Capacity", "Queue"]),
        [NodeKind.Unassign] = (Sample("unassign"), ["without an agent"]),
        [NodeKind.SendMessage] = (Sample("closed"), ["We're closed."]),
        [NodeKind.AddComment] = (Sample("comment"), ["Nobody was free"]),
        [NodeKind.Wait] = (Sample("wait"), ["1 h 30 min"]),
        [NodeKind.CloseConversation] = (Sample("close"), ["Spam", "Bad data"]),
        [NodeKind.End] = (Sample("end"), ["Run completes"]),
        [NodeKind.AskForRating] = (WorkflowSamples.Rating().FindNode("rate")!, ["How did we do?", "1", "5", "Then a comment", "3 hours"]),
        [NodeKind.AnswerWithAi] = (WorkflowSamples.AiAnswer().FindNode("answer")!, ["You answer for Acme Shoes.", "Up to 2 answers", "4 sources", "15 min"]),
        [NodeKind.Classify] = (new ClassifyStep { Id = "classify", Labels = ["Sales", "Billing"], Threshold = 0.7 }, ["Sales", "Billing", "Unsure below 70"]),
    };

    public static TheoryData<NodeKind> EveryKind() => [.. Enum.GetValues<NodeKind>()];

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_kind_of_step_has_its_own_card_with_its_settings_summary_and_labelled_ports(NodeKind kind)
    {
        var (step, shows) = Cases[kind];
        Assert.Equal(kind, step.Kind);

        var workflow = WorkflowSamples.EveryStepType();
        if (workflow.FindNode(step.Id) is null) workflow.Add(step);

        var card = RenderCard(step.Id, workflow);

        var body = card.Find($".wf-node[data-kind='{kind}'] .wf-node-body");
        Assert.Equal(kind.ToString(), body.GetAttribute("data-node-body"));
        foreach (var text in shows) Assert.Contains(text, body.TextContent);
        Assert.Equal(step.Summary(WorkflowSamples.Names), card.Find(".wf-node-summary").TextContent);
        var outcomes = card.FindAll(".wf-outcome");
        Assert.Equal(step.Outcomes().Select(o => o.Key), outcomes.Select(o => o.GetAttribute("data-outcome")));
        Assert.Equal(step.Outcomes().Select(o => o.Label), outcomes.Select(o => o.QuerySelector(".wf-outcome-label")!.TextContent));
        Assert.All(outcomes, o => Assert.NotNull(o.QuerySelector(".wf-port-out")));
        Assert.Equal(step is TriggerNode ? 0 : 1, card.FindAll(".wf-port-in").Count);
    }

    [Fact]
    public void A_multiple_choice_question_shows_the_question_as_a_bubble_and_each_option_as_a_port()
    {
        var card = RenderCard("ask-topic", WorkflowSamples.Template());

        Assert.Equal(InboundConversationsTemplate.Question, card.Find(".wf-bubble").TextContent.Trim());
        Assert.Contains("3 options", card.Find(".wf-node-body").TextContent);
        Assert.Equal("Topic", card.Find(".wf-chip-field").TextContent.Trim());
        Assert.Equal(["Sales", "Support", "Billing", "Invalid answer", "No answer in time"], card.FindAll(".wf-outcome-label").Select(l => l.TextContent));
    }

    [Fact]
    public void An_assignment_to_an_agent_names_the_agent_and_has_no_team_strategy()
    {
        var card = RenderCard(Sample("assign-agent"));

        Assert.Equal("Ana", card.Find(".wf-fact-strong").TextContent.Trim());
        Assert.DoesNotContain("Round robin", card.Find(".wf-node-body").TextContent);
        Assert.DoesNotContain("Online only", card.Find(".wf-node-body").TextContent);
    }

    [Fact]
    public void A_thai_admin_reads_a_card_in_thai()
    {
        using var thai = ThaiCulture.Use();

        var assign = RenderCard(Sample("assign-team"));
        var comment = RenderCard(NodeCatalog.Create(NodeKind.AddComment, "comment-1"));

        Assert.Equal("การมอบหมาย", assign.Find(".wf-node-kind").TextContent);
        var chips = assign.FindAll(".wf-chip-text").Select(c => c.TextContent).ToList();
        Assert.Equal(["งานค้างน้อยที่สุด", "เฉพาะที่ออนไลน์", "ตามจำนวนสูงสุด", "เข้าคิว"], chips.Take(4));
        Assert.Equal("ยังไม่มีความคิดเห็น", comment.Find(".wf-missing").TextContent);
    }

    [Fact]
    public void A_thai_admin_reads_the_ports_and_default_title_in_thai_and_the_options_as_typed()
    {
        using var thai = ThaiCulture.Use();

        var ask = RenderCard("ask-topic", WorkflowSamples.Template());
        var comment = RenderCard(NodeCatalog.Create(NodeKind.AddComment, "comment-1"));

        Assert.Equal(["Sales", "Support", "Billing", "คำตอบไม่ถูกต้อง", "ไม่ได้ตอบภายในเวลา"], ask.FindAll(".wf-outcome-label").Select(l => l.TextContent));
        Assert.Equal(["จากนั้น"], comment.FindAll(".wf-outcome-label").Select(l => l.TextContent));
        Assert.Equal("เพิ่มความคิดเห็นภายใน", comment.Find(".wf-node-title").TextContent);
    }

    [Fact]
    public void A_thai_admin_reads_a_publish_problem_in_thai_while_the_api_keeps_it_in_english()
    {
        using var thai = ThaiCulture.Use();
        var workflow = new WorkflowDefinition().Add(NodeCatalog.Create(NodeKind.AddComment, "comment-1"));
        WorkflowDiagramMapper.Load(Diagram, workflow);
        var node = Diagram.Nodes.OfType<StepNodeModel>().Single();
        node.Issues = [.. WorkflowValidator.Validate(workflow).Where(i => i.NodeId == node.Id)];

        var card = RenderNode(node);

        var problems = card.Find(".wf-node").GetAttribute("title")!;
        Assert.Contains("เพิ่มความคิดเห็นภายใน: เชื่อมต่อ \"จากนั้น\" กับขั้นตอนถัดไป หรือกับขั้นตอนสิ้นสุดเพื่อจบที่นั่น", problems);
        Assert.DoesNotContain("connect", problems);
        Assert.Contains(node.Issues, i => i.Message == "Add internal comment: connect \"Then\" to the next step, or to an End step to finish there.");
    }

    [Fact]
    public void A_message_sets_its_placeholders_apart_from_its_text()
    {
        var card = RenderCard("queued-message", WorkflowSamples.Template());

        Assert.Equal(["queue.position", "team.name"], card.FindAll(".wf-bubble .wf-var").Select(v => v.TextContent));
        Assert.StartsWith("All our agents are busy right now.", card.Find(".wf-bubble").TextContent.Trim());
    }

    [Fact]
    public void The_seeded_closed_path_waits_until_business_hours_open_and_greets_with_the_opening_time()
    {
        var wait = RenderCard("wait-open", WorkflowSamples.Template());
        var closed = RenderCard("closed-message", WorkflowSamples.Template());

        Assert.Contains("Until business hours open", wait.Find(".wf-node-body").TextContent);
        Assert.Equal(["contact.name", "hours.opens", "contact.fields.Topic"], closed.FindAll(".wf-bubble .wf-var").Select(v => v.TextContent));
    }

    [Fact]
    public void A_jump_names_the_step_it_goes_to_by_its_name_on_the_canvas()
    {
        var definition = WorkflowSamples.Template();
        definition.Add(new JumpToStep { Id = "retry", TargetNodeId = "assign-support" });

        var card = RenderCard("retry", definition);

        Assert.Contains("Goes on at Assign to Support", Normalised(card.Find(".wf-node-body").TextContent));
    }

    [Fact]
    public void Business_hours_group_days_that_share_their_hours()
    {
        var hours = new BusinessHoursStep
        {
            Id = "hours", TimeZone = "Europe/Berlin",
            Schedule = [.. BusinessHoursStep.Weekdays(new(8, 0), new(18, 0)).Take(3), new(DayOfWeek.Saturday, new(8, 0), new(18, 0)), new(DayOfWeek.Sunday, new(10, 0), TimeOnly.MinValue)],
        };

        var card = RenderCard(hours);

        Assert.Equal(["Mon–Wed, Sat 08:00–18:00", "Sun 10:00–24:00"], card.FindAll(".wf-fact").Select(f => Normalised(f.TextContent)));
        Assert.Contains("Europe/Berlin", card.Find(".wf-node-body").TextContent);
    }

    [Fact]
    public void A_new_step_says_which_setting_is_still_missing()
    {
        var card = RenderCard(NodeCatalog.Create(NodeKind.HttpRequest, "http-1"));

        Assert.Equal("No URL yet", card.Find(".wf-missing").TextContent);
    }

    [Fact]
    public void The_end_is_a_compact_card_without_ports_out()
    {
        var card = RenderCard(Sample("end"));

        Assert.Contains("wf-node-compact", card.Find(".wf-node").ClassName);
        Assert.Empty(card.FindAll(".wf-port-out"));
    }

    [Fact]
    public void A_run_s_trace_marks_the_visited_card_and_the_outcome_it_took()
    {
        var definition = WorkflowSamples.Template();
        WorkflowDiagramMapper.Load(Diagram, definition);
        var model = Diagram.Nodes.OfType<StepNodeModel>().Single(n => n.Id == "hours");
        model.Trace = TraceMark.Visited;
        IReadOnlyDictionary<string, HashSet<string>> taken = new Dictionary<string, HashSet<string>> { ["hours"] = [Outcomes.Open] };

        var card = RenderNode(model, taken);

        Assert.Contains("visited", card.Find(".wf-node").ClassList);
        Assert.Contains("taken", card.Find(".wf-outcome[data-outcome='open']").ClassList);
        Assert.DoesNotContain("taken", card.Find(".wf-outcome[data-outcome='closed']").ClassList);
    }

    [Fact]
    public void A_thai_admin_reads_each_card_s_summary_in_thai_with_the_names_and_texts_as_typed()
    {
        using var thai = ThaiCulture.Use();

        Assert.Equal("รอ 1 ชม. 30 นาที", RenderCard(Sample("wait")).Find(".wf-node-summary").TextContent);
        Assert.Equal("มอบหมายให้ Support · บทสนทนาที่เปิดอยู่น้อยที่สุด · เฉพาะที่ออนไลน์ · ไม่เกินความจุ · เข้าคิวเมื่อไม่ว่าง",
            RenderCard(Sample("assign-team")).Find(".wf-node-summary").TextContent);
        var hours = RenderCard(Sample("hours")).Find(".wf-node-summary").TextContent;
        Assert.StartsWith("จ., อ., พ., พฤ., ศ. · 09:00–17:00 · UTC · วันหยุด 1 วัน", hours);
        foreach (var (step, _) in Cases.Values)
        {
            var summary = RenderCard(step.Id, WithStep(step)).Find(".wf-node-summary").TextContent;
            Assert.Empty(EnglishWords(summary).Except(TypedWords(step)).Except(["API", "HTTP", "UTC"]));
        }
    }

    [Fact]
    public void A_thai_admin_reads_a_step_s_setting_problem_in_thai()
    {
        using var thai = ThaiCulture.Use();
        var workflow = new WorkflowDefinition().Add(new WaitStep { Id = "wait-1", Minutes = 0 });
        WorkflowDiagramMapper.Load(Diagram, workflow);
        var node = Diagram.Nodes.OfType<StepNodeModel>().Single();
        node.Issues = [.. WorkflowValidator.Validate(workflow).Where(i => i.NodeId == node.Id)];

        var problems = RenderNode(node).Find(".wf-node").GetAttribute("title")!;

        Assert.Contains("รออย่างน้อยหนึ่งนาที", problems);
        Assert.DoesNotContain("Wait at least", problems);
    }

    private static WorkflowDefinition WithStep(WorkflowNode step)
    {
        var workflow = WorkflowSamples.EveryStepType();
        if (workflow.FindNode(step.Id) is null) workflow.Add(step);
        return workflow;
    }

    private static IEnumerable<string> EnglishWords(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, "[A-Za-z]{2,}").Select(m => m.Value);

    // What the admin typed or chose by name (texts, fields, tags, teams, URLs, time zones) is shown as typed.
    private static HashSet<string> TypedWords(WorkflowNode step) =>
        [.. EnglishWords(System.Text.Json.JsonSerializer.Serialize(step, step.GetType())), .. WorkflowSamples.Names.Teams.Values.SelectMany(EnglishWords),
         .. WorkflowSamples.Names.Agents.Values.SelectMany(EnglishWords)];

    private static WorkflowNode Sample(string id) => WorkflowSamples.EveryStepType().FindNode(id)!;

    private static string Normalised(string text) => string.Join(" ", text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private IRenderedComponent<CascadingValue<WorkflowNames>> RenderCard(WorkflowNode step) => RenderCard(step.Id, new WorkflowDefinition().Add(step));

    /// <summary>Draws the whole workflow, as the designer does, and renders the widget of one of its steps.</summary>
    private IRenderedComponent<CascadingValue<WorkflowNames>> RenderCard(string id, WorkflowDefinition workflow)
    {
        WorkflowDiagramMapper.Load(Diagram, workflow);
        return RenderNode(Diagram.Nodes.OfType<StepNodeModel>().Single(n => n.Id == id));
    }
}
