namespace Inbound.Domain.Workflows;

/// <summary>
/// The rules a definition must meet before it is published, each broken rule as a message a person can act on:
/// exactly one trigger; every node reachable; every required setting filled; every outcome wired (to a step or to an
/// End step); no cycle except through Jump To.
/// </summary>
public static class WorkflowValidator
{
    /// <param name="teams">The teams that exist, when known: a Business hours step may only use the hours of one of them.</param>
    public static IReadOnlyList<WorkflowIssue> Validate(WorkflowDefinition definition, IReadOnlyCollection<Guid>? teams = null)
    {
        var issues = new List<WorkflowIssue>();
        var nodes = definition.Nodes;

        var triggers = nodes.OfType<TriggerNode>().ToList();
        if (triggers.Count == 0) issues.Add(WorkflowIssue.Of(null, "NoTrigger", "Add a trigger: every workflow starts from one trigger."));
        foreach (var extra in triggers.Skip(1))
            issues.Add(WorkflowIssue.Of(extra.Id, "ExtraTrigger", "A workflow has exactly one trigger: remove this one or the other."));

        if (nodes.Any(n => string.IsNullOrWhiteSpace(n.Id))) issues.Add(WorkflowIssue.Of(null, "MissingId", "Every step needs an id."));
        foreach (var duplicate in nodes.GroupBy(n => n.Id).Where(g => g.Count() > 1))
            issues.Add(WorkflowIssue.Of(duplicate.Key, "DuplicateId", "Two steps share the id \"{0}\"; give each its own.", duplicate.Key));
        var byId = nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First());

        foreach (var node in nodes)
            issues.AddRange(node.Problems().Select(p => WorkflowIssue.Of(node.Id, "Setting", "{0}: {1}", StepName.Of(node), p)));

        CheckEdges(definition, byId, issues);
        CheckJumps(nodes, byId, issues);
        CheckWaits(nodes, byId, issues);
        CheckRatings(nodes, triggers, issues);
        if (teams is not null) CheckTeamHours(nodes, teams, issues);
        CheckReachable(definition, byId, triggers, issues);
        CheckCycles(definition, byId, issues);
        CheckJumpLoops(definition, byId, issues);
        return issues;
    }

    public static bool CanPublish(WorkflowDefinition definition) => !Validate(definition).Any(i => i.IsError);

    private static void CheckEdges(WorkflowDefinition definition, Dictionary<string, WorkflowNode> byId, List<WorkflowIssue> issues)
    {
        foreach (var edge in definition.Edges)
        {
            if (!byId.TryGetValue(edge.FromNodeId, out var from) || !byId.ContainsKey(edge.ToNodeId))
            {
                issues.Add(WorkflowIssue.Of(edge.FromNodeId, "LinkToMissingStep", "A link points to a step that no longer exists: remove it or reconnect it."));
                continue;
            }
            if (byId[edge.ToNodeId] is TriggerNode)
                issues.Add(WorkflowIssue.Of(edge.FromNodeId, "LinkIntoTrigger", "{0}: a link cannot lead into the trigger; use a Jump To step to go back to the start.", StepName.Of(from)));
            if (from.Outcomes().All(o => o.Key != edge.Outcome))
                issues.Add(WorkflowIssue.Of(from.Id, "LinkFromMissingOutcome", "{0}: a link leaves from \"{1}\", which this step no longer has; remove or reconnect it.", StepName.Of(from), OutcomeName(edge.Outcome)));
        }
        foreach (var duplicate in definition.Edges.GroupBy(e => (e.FromNodeId, e.Outcome)).Where(g => g.Count() > 1))
            issues.Add(WorkflowIssue.Of(duplicate.Key.FromNodeId, "OutcomeLinkedTwice", "\"{0}\" is linked to {1} steps; an outcome leads to one step.", OutcomeName(duplicate.Key.Outcome), duplicate.Count()));

        foreach (var node in byId.Values)
            foreach (var outcome in node.Outcomes())
                if (!definition.Edges.Any(e => e.FromNodeId == node.Id && e.Outcome == outcome.Key))
                    issues.Add(WorkflowIssue.Of(node.Id, "OutcomeNotConnected", "{0}: connect \"{1}\" to the next step, or to an End step to finish there.", StepName.Of(node), outcome));
    }

    private static void CheckJumps(List<WorkflowNode> nodes, Dictionary<string, WorkflowNode> byId, List<WorkflowIssue> issues)
    {
        foreach (var jump in nodes.OfType<JumpToStep>().Where(j => !string.IsNullOrWhiteSpace(j.TargetNodeId)))
        {
            if (!byId.TryGetValue(jump.TargetNodeId, out var target))
                issues.Add(WorkflowIssue.Of(jump.Id, "JumpTargetMissing", "{0}: the step to jump to no longer exists; choose another.", StepName.Of(jump)));
            else if (target == jump)
                issues.Add(WorkflowIssue.Of(jump.Id, "JumpToItself", "{0}: a Jump To cannot jump to itself.", StepName.Of(jump)));
            else if (target is TriggerNode)
                issues.Add(WorkflowIssue.Of(jump.Id, "JumpToTrigger", "{0}: jump to the first step after the trigger, not to the trigger itself.", StepName.Of(jump)));
        }
    }

    private static void CheckWaits(List<WorkflowNode> nodes, Dictionary<string, WorkflowNode> byId, List<WorkflowIssue> issues)
    {
        foreach (var wait in nodes.OfType<WaitStep>().Where(w => w.WaitsForOpening))
            if (byId.GetValueOrDefault(wait.UntilOpenOf!) is not BusinessHoursStep)
                issues.Add(WorkflowIssue.Of(wait.Id, "WaitHoursMissing", "{0}: the business hours to wait for no longer exist; choose a Business hours step.", StepName.Of(wait)));
        foreach (var assign in nodes.OfType<AssignToStep>().Where(a => !string.IsNullOrWhiteSpace(a.InactivityHoursOf)))
            if (byId.GetValueOrDefault(assign.InactivityHoursOf!) is not BusinessHoursStep)
                issues.Add(WorkflowIssue.Of(assign.Id, "InactivityHoursMissing", "{0}: the business hours to count minutes in no longer exist; choose a Business hours step.", StepName.Of(assign)));
    }

    /// <summary>
    /// A rating is asked of a closed conversation only, and a run started by the opening always finds it open (a manual
    /// run may be started on a closed one). The step would fail every run, so publishing is refused.
    /// </summary>
    private static void CheckRatings(List<WorkflowNode> nodes, List<TriggerNode> triggers, List<WorkflowIssue> issues)
    {
        if (triggers.Count != 1 || triggers[0] is not ConversationOpenedTrigger) return;
        foreach (var rate in nodes.OfType<AskForRatingStep>())
            issues.Add(WorkflowIssue.Of(rate.Id, "RatingNeedsClosedTrigger", "{0}: a rating is asked after the conversation closed; start this workflow with the Conversation closed trigger.", StepName.Of(rate)));
    }

    private static void CheckTeamHours(List<WorkflowNode> nodes, IReadOnlyCollection<Guid> teams, List<WorkflowIssue> issues)
    {
        foreach (var hours in nodes.OfType<BusinessHoursStep>().Where(h => h.TeamId is { } team && !teams.Contains(team)))
            issues.Add(WorkflowIssue.Of(hours.Id, "TeamHoursMissing", "{0}: the team whose hours it uses no longer exists; choose another team or own hours.", StepName.Of(hours)));
    }

    private static void CheckReachable(WorkflowDefinition definition, Dictionary<string, WorkflowNode> byId, List<TriggerNode> triggers, List<WorkflowIssue> issues)
    {
        if (triggers.Count == 0) return;
        var reached = new HashSet<string>();
        var pending = new Stack<string>(triggers.Select(t => t.Id));
        while (pending.TryPop(out var id))
        {
            if (!reached.Add(id)) continue;
            foreach (var edge in definition.Edges.Where(e => e.FromNodeId == id)) pending.Push(edge.ToNodeId);
            if (byId.GetValueOrDefault(id) is JumpToStep { TargetNodeId: { Length: > 0 } target }) pending.Push(target);
        }
        foreach (var node in byId.Values.Where(n => !reached.Contains(n.Id) && n is not TriggerNode))
            issues.Add(WorkflowIssue.Of(node.Id, "Unreachable", "{0}: nothing leads to this step; connect it, or delete it.", StepName.Of(node)));
    }

    private static void CheckCycles(WorkflowDefinition definition, Dictionary<string, WorkflowNode> byId, List<WorkflowIssue> issues)
    {
        // Depth-first search over edges only: a Jump To is not an edge, so loops through it are allowed.
        var state = new Dictionary<string, int>(); // 1 = on the current path, 2 = done
        var path = new List<string>();
        var reported = new HashSet<string>();

        void Visit(string id)
        {
            state[id] = 1;
            path.Add(id);
            foreach (var next in definition.Edges.Where(e => e.FromNodeId == id).Select(e => e.ToNodeId).Where(byId.ContainsKey).Distinct())
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var loop = path.Skip(path.IndexOf(next)).ToList();
                    if (reported.Add(string.Join(">", loop.Order())))
                    {
                        var names = new PhraseList(" → ", [.. loop.Append(next).Select(n => (object)StepName.Of(byId[n]))]);
                        issues.Add(WorkflowIssue.Of(next, "Loop", "These steps form a loop ({0}); to go back on purpose, use a Jump To step.", names));
                    }
                }
                else if (state.GetValueOrDefault(next) == 0) Visit(next);
            }
            path.RemoveAt(path.Count - 1);
            state[id] = 2;
        }

        foreach (var id in byId.Keys)
            if (state.GetValueOrDefault(id) == 0) Visit(id);
    }

    /// <summary>A step that stops the run until something outside it happens: a loop through one of these waits each time round.</summary>
    private static bool Waits(WorkflowNode node) => node is AskQuestionStep or AskForRatingStep or WaitStep or HttpRequestStep or AnswerWithAiStep;

    /// <summary>
    /// A Jump To may loop back, but a loop that never waits (for an answer, a timer, an HTTP response) would spin until
    /// the interpreter's step limit fails the run. Such loops are found at design time, naming the steps in order.
    /// </summary>
    private static void CheckJumpLoops(WorkflowDefinition definition, Dictionary<string, WorkflowNode> byId, List<WorkflowIssue> issues)
    {
        IEnumerable<string> Next(string id)
        {
            foreach (var edge in definition.Edges.Where(e => e.FromNodeId == id && byId.ContainsKey(e.ToNodeId))) yield return edge.ToNodeId;
            if (byId[id] is JumpToStep { TargetNodeId: { Length: > 0 } target } && byId.ContainsKey(target)) yield return target;
        }

        var state = new Dictionary<string, int>(); // 1 = on the current path, 2 = done
        var path = new List<string>();
        var reported = new HashSet<string>();

        void Visit(string id)
        {
            state[id] = 1;
            path.Add(id);
            foreach (var next in Next(id).Where(n => !Waits(byId[n])).Distinct())
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var loop = path.Skip(path.IndexOf(next)).ToList();
                    // Loops over plain links alone are reported by CheckCycles.
                    if (loop.Any(n => byId[n] is JumpToStep) && reported.Add(string.Join(">", loop.Order())))
                    {
                        var names = new PhraseList(" → ", [.. loop.Append(next).Select(n => (object)StepName.Of(byId[n]))]);
                        var jump = loop.First(n => byId[n] is JumpToStep);
                        issues.Add(WorkflowIssue.Of(jump, "JumpLoop", "This Jump To loops without waiting ({0}): add a question, a wait or an HTTP request to the loop, or jump elsewhere.", names));
                    }
                }
                else if (state.GetValueOrDefault(next) == 0) Visit(next);
            }
            path.RemoveAt(path.Count - 1);
            state[id] = 2;
        }

        foreach (var id in byId.Keys.Where(k => !Waits(byId[k])))
            if (state.GetValueOrDefault(id) == 0) Visit(id);
    }

    private static string OutcomeName(string outcome) =>
        outcome.StartsWith(Outcomes.OptionPrefix, StringComparison.Ordinal) ? outcome[Outcomes.OptionPrefix.Length..]
        : outcome.StartsWith(Outcomes.RulePrefix, StringComparison.Ordinal) ? "rule " + outcome[Outcomes.RulePrefix.Length..]
        : outcome;
}
