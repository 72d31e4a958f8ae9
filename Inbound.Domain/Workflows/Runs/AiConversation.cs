using System.Globalization;
using System.Text.RegularExpressions;
using Inbound.Domain.Conversations;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>
/// The turns of an <see cref="AnswerWithAiStep"/>: ask the AI (without waiting on it), send its answer and cite the
/// sources to the agents, then wait for the contact's follow-up. This is the only place an AI answer reaches a contact.
/// </summary>
internal static partial class AiConversation
{
    /// <summary>How long past asking the run gives up on an answer that never came back (the host's own timeout is shorter).</summary>
    private static readonly TimeSpan AnswerDeadline = TimeSpan.FromMinutes(15);

    public static StepResult Execute(AnswerWithAiStep step, RunInput input, WorkflowRun run, IRunContext context)
    {
        switch (input)
        {
            case RunInput.AiInput { Answer: var answer }:
                return Answered(step, answer, run, context);

            case RunInput.TimerInput when run.WaitingFor == RunWait.Ai:
                return StepResult.Outcome(Outcomes.Failure, Phrase.Of(PhraseCode.RunAiTimedOut, "The AI did not answer in time"));

            case RunInput.TimerInput:
                return StepResult.Outcome(Outcomes.Answered, Phrase.Of(PhraseCode.RunAiNoFollowUp, "No follow-up within {0}", Durations.Of(step.FollowUpMinutes)));

            case RunInput.ReplyInput reply:
                if (IsThanks(reply.Message.Body)) return StepResult.Outcome(Outcomes.Answered, Phrase.Of(PhraseCode.RunContactSaid, "The contact said \"{0}\"", reply.Message.Body));
                if (Turns(step, run) >= step.MaxTurns)
                    return StepResult.Outcome(Outcomes.HandOver, step.MaxTurns == 1
                        ? Phrase.Of(PhraseCode.RunAiTurnUsed, "{0} AI answer given; a person takes over", step.MaxTurns)
                        : Phrase.Of(PhraseCode.RunAiTurnsUsed, "{0} AI answers given; a person takes over", step.MaxTurns));
                return Ask(step, reply.Message.Body, run, context);

            default:
                return string.IsNullOrWhiteSpace(context.LastMessageText)
                    ? StepResult.Outcome(Outcomes.HandOver, Phrase.Of(PhraseCode.RunAiNothingAsked, "The contact has asked nothing yet"))
                    : Ask(step, context.LastMessageText, run, context);
        }
    }

    private static StepResult Ask(AnswerWithAiStep step, string question, WorkflowRun run, IRunContext context)
    {
        context.BeginAiAnswer(new AiStepRequest(step.Id, question, step.Instructions, context.Contact.Language, step.TopSources)
        {
            EarlierAnswerIds = AnswerIds(step, run),
        }, run);
        run.WaitForAi(context.Now, context.Now + AnswerDeadline);
        return StepResult.Waiting(Phrase.Of(PhraseCode.RunAiAsked, "Asked the AI: \"{0}\"", question));
    }

    private static StepResult Answered(AnswerWithAiStep step, AiStepAnswer answer, WorkflowRun run, IRunContext context)
    {
        var now = context.Now;
        if (answer.Kind == AiAnswerKind.Failed) return StepResult.Outcome(Outcomes.Failure, Phrase.Of(PhraseCode.RunAiFailed, "The AI failed: {0}", answer.Reason ?? ""));

        var sources = answer.Sources.Count == 0 ? "no sources" : string.Join("; ", answer.Sources);
        object sourcesSaid = answer.Sources.Count == 0 ? Phrase.Of(PhraseCode.RunAiNoSources, "no sources") : sources;
        if (!string.IsNullOrWhiteSpace(answer.Text))
        {
            var reply = context.Conversation.Reply(AuthorKind.Workflow, null, answer.Text, now);
            context.Store(reply);
            run.SetVariable(AnswersVariable(step), string.Join(",", AnswerIds(step, run).Append(reply.Id)));
            // The agent who takes over reads in the thread what the AI said and where it had it from.
            context.Store(context.Conversation.AddNote(AuthorKind.Workflow, null, Phrase.Of(PhraseCode.NoteAiSources, "AI answer sources: {0}", sourcesSaid), now));
        }
        if (answer.Kind == AiAnswerKind.HandOver)
            return StepResult.Outcome(Outcomes.HandOver, Phrase.Of(PhraseCode.RunAiHandsOver, "The AI hands over ({0}): \"{1}\" · sources: {2}",
                answer.Reason ?? (object)Phrase.Of(PhraseCode.RunAiUnsure, "unsure"), answer.Text, sourcesSaid));

        var turns = Turns(step, run) + 1;
        run.SetVariable(TurnsVariable(step), turns.ToString(CultureInfo.InvariantCulture));
        run.SetVariable("ai.answer", answer.Text);
        run.WaitForReply(now, now.AddMinutes(step.FollowUpMinutes));
        return StepResult.Waiting(Phrase.Of(PhraseCode.RunAiAnswered, "Answered \"{0}\" · sources: {1} · answer {2} of {3}",
            answer.Text, sourcesSaid, turns, step.MaxTurns));
    }

    private static int Turns(AnswerWithAiStep step, WorkflowRun run) =>
        int.TryParse(run.Variables.GetValueOrDefault(TurnsVariable(step)), CultureInfo.InvariantCulture, out var turns) ? turns : 0;

    private static string TurnsVariable(AnswerWithAiStep step) => $"{step.Id}.turns";

    /// <summary>The ids of the replies this step sent, remembered in the run so that the next question carries its history.</summary>
    private static string AnswersVariable(AnswerWithAiStep step) => $"{step.Id}.answers";

    private static Guid[] AnswerIds(AnswerWithAiStep step, WorkflowRun run) =>
        [.. (run.Variables.GetValueOrDefault(AnswersVariable(step)) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => Guid.TryParse(id, CultureInfo.InvariantCulture, out var parsed) ? parsed : Guid.Empty).Where(id => id != Guid.Empty)];

    /// <summary>A short thank-you with no new question: the answer helped. Anything longer goes back to the AI.</summary>
    private static bool IsThanks(string text) => text.Length <= 60 && !text.Contains('?') && Thanks().IsMatch(text);

    [GeneratedRegex(@"\b(thanks|thank you|thx|ty|cheers|perfect|great)\b|ขอบคุณ|ขอบใจ", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Thanks();
}
