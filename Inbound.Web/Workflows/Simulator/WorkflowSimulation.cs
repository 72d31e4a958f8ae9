using Inbound.Domain.Assignment;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Workflows.Engine;

namespace Inbound.Web.Workflows.Simulator;

/// <summary>
/// One simulated run of a draft: the engine's interpreter moving an in-memory run over an in-memory conversation and
/// contact, on a clock of its own that only moves when the admin advances it. Nothing is stored; nothing is sent.
/// </summary>
public sealed class WorkflowSimulation
{
    private readonly WorkflowInterpreter _interpreter;
    private readonly SimulatedRunContext _context;
    private readonly HttpStepClient _http;
    private readonly HashSet<string> _httpAllowed;
    private readonly Ai.AiStepAnswerer _ai;
    private readonly List<SimulatedAiAnswer> _aiAnswers = [];

    internal WorkflowSimulation(WorkflowDefinition draft, SimulatedRunContext context, WorkflowRun run, HttpStepClient http, IEnumerable<string> httpAllowed,
        Ai.AiStepAnswerer ai)
    {
        _interpreter = new WorkflowInterpreter(draft);
        _context = context;
        _http = http;
        _httpAllowed = [.. httpAllowed];
        _ai = ai;
        Run = run;
    }

    public WorkflowRun Run { get; }
    public DateTime Now => _context.Now;
    public IReadOnlyList<Message> Thread => _context.Thread;
    public WorkflowDefinition Definition => _interpreter.Definition;

    /// <summary>The latest assignment decision: who would be chosen and why, from today's real agents.</summary>
    public AssignmentDecision? Decision => _context.LastDecision;

    public string? AssigneeName => _context.Conversation.AssigneeId is { } id ? _context.Names.Agent(id) : null;

    /// <summary>What the run waits for now, in words, or null when it ended.</summary>
    public string? Waiting => Run.Status != RunStatus.Waiting ? null
        : Run.WaitingFor switch
        {
            RunWait.Reply => Run.WakeAt is { } until ? $"an answer until {until:HH:mm}" : "an answer",
            _ => Run.WakeAt is { } at ? $"the clock to reach {at:ddd HH:mm}" : "something outside",
        };

    /// <summary>What the AI steps answered in this simulation, oldest first: the text, the sources, the path it made the run take.</summary>
    public IReadOnlyList<SimulatedAiAnswer> AiAnswers => _aiAnswers;

    /// <summary>The quick replies of the latest question, for buttons in the chat pane.</summary>
    public IReadOnlyList<string> QuickReplies => Run.WaitingFor == RunWait.Reply
        ? _context.Thread.LastOrDefault(m => m.Direction == MessageDirection.Outbound)?.QuickReplies ?? []
        : [];

    internal async Task StartAsync(CancellationToken ct)
    {
        await _interpreter.StartAsync(Run, _context, ct);
        await SettleCallsAsync(ct);
    }

    /// <summary>The admin, as the contact, answers.</summary>
    public async Task ReplyAsync(string text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text) || !_context.Conversation.IsOpen) return;
        _context.Now = _context.Now.AddSeconds(1);
        var message = _context.Conversation.ReceiveFromContact(text.Trim(), null, _context.Now);
        _context.AddContactMessage(message);
        _context.LastMessageText = message.Body;
        await _interpreter.ResumeWithReplyAsync(Run, _context, message, ct);
        await SettleCallsAsync(ct);
    }

    /// <summary>Moves the simulated clock on; a timer that falls due on the way fires at its own time, as in the engine.</summary>
    public async Task AdvanceAsync(TimeSpan by, CancellationToken ct = default)
    {
        var until = _context.Now + by;
        while (Run.Status == RunStatus.Waiting && Run.WakeAt is { } due && due <= until)
        {
            _context.Now = due > _context.Now ? due : _context.Now;
            // As in the engine, a step woken by a timer sees no latest message: the path stays the one it will take live.
            var latest = _context.LastMessageText;
            _context.LastMessageText = null;
            await _interpreter.ResumeOnTimerAsync(Run, _context, ct);
            _context.LastMessageText = latest;
            await SettleCallsAsync(ct);
        }
        _context.Now = until;
    }

    /// <summary>
    /// Answers the calls the run waits for, one after the other, as the engine would. An HTTP step is called only when
    /// the admin allowed it for that step; otherwise it takes its failure path. An AI step asks the configured model with
    /// the workspace's knowledge; with AI off it fails, as a live run would, and the answer says why.
    /// </summary>
    private async Task SettleCallsAsync(CancellationToken ct)
    {
        while (Run.Status == RunStatus.Waiting)
        {
            if (_context.PendingHttp is { } pending && Run.WaitingFor == RunWait.Http)
            {
                _context.ClearPendingHttp();
                var response = _httpAllowed.Contains(pending.StepId)
                    ? await _http.SendAsync(pending.Request, ct)
                    : new HttpStepResponse(null, null, "Not called: the simulator calls an HTTP step only when allowed for that step.");
                await _interpreter.ResumeWithHttpAsync(Run, _context, response, ct);
            }
            else if (_context.PendingAi is { } question && Run.WaitingFor == RunWait.Ai)
            {
                _context.ClearPendingAi();
                var answer = await _ai.AnswerAsync(question, Ai.AiStepHistory.Select(_context.Thread, question), ct);
                _aiAnswers.Add(new SimulatedAiAnswer(question.StepId, question.Question, answer, AiOff: !_ai.IsEnabled && answer.Kind == AiAnswerKind.Failed));
                await _interpreter.ResumeWithAiAsync(Run, _context, answer, ct);
            }
            else return;
        }
    }
}
