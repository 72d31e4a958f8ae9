using System.Text.Json;
using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Inbound.Domain.Languages;
using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>What each kind of step does when a run reaches it, and which outcome it finishes with.</summary>
internal static class StepExecutor
{
    public static async ValueTask<StepResult> ExecuteAsync(WorkflowNode node, RunInput input, WorkflowRun run, IRunContext context,
        WorkflowDefinition definition, CancellationToken ct)
    {
        var now = context.Now;
        string Render(string? template) => RunVariables.Render(template, run, context);

        switch (node)
        {
            case AskQuestionStep ask:
                return Ask(ask, input, run, context);

            case AskForRatingStep rate:
                return RatingQuestion.Execute(rate, input, run, context);

            case AnswerWithAiStep ai:
                return AiConversation.Execute(ai, input, run, context);
            case ClassifyStep classify:
                return await TopicClassification.ExecuteAsync(classify, run, context, ct);

            case UpdateContactFieldStep update:
                var value = Render(update.Value);
                if (value.Length == 0) context.Contact.RemoveField(update.Field);
                else context.Contact.SetField(update.Field, value);
                return StepResult.Outcome(Outcomes.Next, Phrase.Of(PhraseCode.RunFieldSet, "{0} = \"{1}\"", update.Field, value));

            case AddTagStep add:
                context.Contact.AddTag(Render(add.Tag));
                return StepResult.Outcome(Outcomes.Next, Phrase.Of(PhraseCode.RunTagged, "Tagged \"{0}\"", Render(add.Tag)));

            case RemoveTagStep remove:
                context.Contact.RemoveTag(Render(remove.Tag));
                return StepResult.Outcome(Outcomes.Next, Phrase.Of(PhraseCode.RunTagRemoved, "Removed tag \"{0}\"", Render(remove.Tag)));

            case AddCommentStep comment:
                context.Store(context.Conversation.AddNote(AuthorKind.Workflow, null, Render(comment.Text), now));
                return StepResult.Outcome(Outcomes.Next, Phrase.Of(PhraseCode.RunCommentAdded, "Comment added"));

            case SendMessageStep send:
                var text = Render(Translations.Pick(send.Text, send.Translations, context.Contact.Language));
                // A run started by the conversation closing (a thank-you, a survey) messages the contact without reopening it.
                context.Store(context.Conversation.IsOpen
                    ? context.Conversation.Reply(AuthorKind.Workflow, null, text, now)
                    : context.Conversation.SendAfterClose(text, now));
                return StepResult.Outcome(Outcomes.Next, Phrase.Of(PhraseCode.RunSent, "Sent \"{0}\"", text));

            case HttpRequestStep http:
                return Http(http, input, run, context, Render);

            case BranchStep branch:
                var rule = BranchEvaluator.FirstMatch(branch, context);
                return rule is null
                    ? StepResult.Outcome(Outcomes.Else, Phrase.Of(PhraseCode.RunNoRuleMatched, "No rule matched"))
                    : StepResult.Outcome(Outcomes.Rule(rule.Id), Phrase.Of(PhraseCode.RunRuleMatched, "Matched \"{0}\"", rule.TitleText));

            case BusinessHoursStep hours:
                if (hours.IsOpenAt(now)) return StepResult.Outcome(Outcomes.Open, Phrase.Of(PhraseCode.RunOpenAt, "Open at {0} UTC", Utc(now)));
                // For the closed path's message: "We open again {{hours.opens}}".
                run.SetVariable("hours.opens", hours.DescribeNextOpening(now) ?? "later");
                return StepResult.Outcome(Outcomes.Closed, Phrase.Of(PhraseCode.RunClosedAt, "Closed at {0} UTC", Utc(now)));

            case AssignToStep assign:
                var decision = await context.AssignAsync(assign, run, ct);
                if (decision.Assigned) return StepResult.Outcome(Outcomes.Assigned, decision.Said, decision);
                var detail = decision.QueuePosition is { } position
                    ? Phrase.Of(PhraseCode.RunQueuedAt, "{0} Queued at position {1}.", decision.Said, position) : decision.Said;
                return StepResult.Outcome(Outcomes.NobodyAvailable, detail, decision);

            case UnassignStep:
                context.Conversation.Unassign(now);
                return StepResult.Outcome(Outcomes.Next, Phrase.Of(PhraseCode.RunUnassigned, "Unassigned"));

            case CloseConversationStep close:
                context.Conversation.Close(new ClosingNote(close.Category, Render(close.Note)), null, now);
                return StepResult.End(Phrase.Of(PhraseCode.RunClosedAs, "Closed as \"{0}\"", close.Category));

            case WaitStep wait:
                if (input is RunInput.TimerInput) return StepResult.Outcome(Outcomes.Next, Phrase.Of(PhraseCode.RunWaited, "Waited"));
                if (wait.WaitsForOpening)
                {
                    var schedule = definition.FindNode(wait.UntilOpenOf!) as BusinessHoursStep
                        ?? throw new DomainException("The business hours to wait for are missing.");
                    var opens = schedule.NextOpening(now) ?? throw new DomainException("The business hours never open.");
                    if (opens <= now) return StepResult.Outcome(Outcomes.Next, Phrase.Of(PhraseCode.RunOpenNow, "Open now; no wait"));
                    run.WaitUntil(opens, now);
                    return StepResult.Waiting(Phrase.Of(PhraseCode.RunWaitingForOpening, "Waiting until business hours open, {0} UTC", Utc(opens)));
                }
                run.WaitUntil(now.AddMinutes(wait.Minutes), now);
                return StepResult.Waiting(Phrase.Of(PhraseCode.RunWaitingUntil, "Waiting until {0} UTC", Utc(run.WakeAt!.Value)));

            case JumpToStep jump:
                return StepResult.Jump(jump.TargetNodeId, Phrase.Of(PhraseCode.RunJumped, "Jumped to {0}", jump.TargetNodeId));

            case EndStep:
                return StepResult.End(Phrase.Of(PhraseCode.RunEnded, "Ended"));

            default:
                throw new InvalidOperationException($"No executor for {node.GetType().Name}.");
        }
    }

    private static StepResult Ask(AskQuestionStep ask, RunInput input, WorkflowRun run, IRunContext context)
    {
        var now = context.Now;
        DateTime? Deadline() => ask.TimeoutMinutes is { } minutes ? now.AddMinutes(minutes) : null;
        var language = context.Contact.Language;
        var prompt = RunVariables.Render(Translations.Pick(ask.Question, ask.Translations, language), run, context);
        var choices = AnswerValidation.QuickReplies(ask, language);

        switch (input)
        {
            case RunInput.TimerInput:
                return StepResult.Outcome(Outcomes.Timeout, Phrase.Of(PhraseCode.RunNoAnswerWithin, "No answer within {0} min", ask.TimeoutMinutes ?? 0));

            case RunInput.ReplyInput reply:
                var answer = AnswerValidation.Accept(ask, reply.Message.Body, language);
                if (answer is not null)
                {
                    run.SetVariable("answer", answer);
                    run.SetVariable($"{ask.Id}.answer", answer);
                    if (!string.IsNullOrWhiteSpace(ask.SaveToField)) SaveAnswer(context.Contact, ask.SaveToField, answer);
                    var key = ask.AnswerType == AnswerType.MultipleChoice ? Outcomes.Option(answer) : Outcomes.Answered;
                    return StepResult.Outcome(key, Phrase.Of(PhraseCode.RunAnswered, "Answered \"{0}\"", answer));
                }
                run.CountInvalidAnswer();
                if (run.Attempts > ask.MaxRetries)
                    return StepResult.Outcome(Outcomes.Invalid, Phrase.Of(PhraseCode.RunInvalidNoRetries, "Invalid answer \"{0}\", no retries left", reply.Message.Body));
                context.Store(context.Conversation.Reply(AuthorKind.Workflow, null, RunVariables.Render(Translations.PickInvalidAnswer(ask, language), run, context) + "\n" + prompt, now, choices));
                run.WaitForReply(now, Deadline());
                return StepResult.Waiting(Phrase.Of(PhraseCode.RunInvalidAskedAgain, "Invalid answer \"{0}\", asked again ({1} of {2} retries)", reply.Message.Body, run.Attempts, ask.MaxRetries));

            default:
                context.Store(context.Conversation.Reply(AuthorKind.Workflow, null, prompt, now, choices));
                run.WaitForReply(now, Deadline());
                return StepResult.Waiting(ask.TimeoutMinutes is { } m
                    ? Phrase.Of(PhraseCode.RunAskedWaitingUpTo, "Asked; waiting up to {0} min for the answer", m)
                    : Phrase.Of(PhraseCode.RunAskedWaiting, "Asked; waiting for the answer"));
        }
    }

    /// <summary>An answer saved to the contact's language is kept as a language tag ("Thai" becomes "th"), so that it picks texts.</summary>
    private static void SaveAnswer(Contact contact, string field, string answer)
    {
        if (string.Equals(field, Contact.LanguageField, StringComparison.OrdinalIgnoreCase) && LanguageCode.FromAnswer(answer) is { } language)
            contact.SetLanguage(language);
        else
            contact.SetField(field, answer);
    }

    /// <summary>Margin past the step's timeout before the run gives up on a response that never came back (e.g. after a restart).</summary>
    private static readonly TimeSpan HttpDeadlineMargin = TimeSpan.FromSeconds(15);

    private static StepResult Http(HttpRequestStep http, RunInput input, WorkflowRun run, IRunContext context, Func<string?, string> render)
    {
        var request = new HttpStepRequest(http.Method.ToUpperInvariant(), render(http.Url),
            [.. http.Headers.Select(h => new HttpHeader(h.Name, render(h.Value)))],
            http.Body is null ? null : render(http.Body), TimeSpan.FromSeconds(http.TimeoutSeconds));
        switch (input)
        {
            case RunInput.TimerInput when run.WaitingFor == RunWait.Http:
                run.SetVariable("http.status", "");
                return StepResult.Outcome(Outcomes.Failure, Phrase.Of(PhraseCode.RunHttpTimedOut, "{0} {1} failed: no answer within {2} s", request.Method, request.Url, http.TimeoutSeconds));
            case RunInput.HttpInput answered:
                return HttpAnswered(http, request, answered.Response, run, context);
            default:
                context.BeginSend(request, run);
                run.WaitForHttp(context.Now, context.Now + request.Timeout + HttpDeadlineMargin);
                return StepResult.Waiting(Phrase.Of(PhraseCode.RunHttpSent, "{0} {1} sent; waiting for the answer", request.Method, request.Url));
        }
    }

    private static StepResult HttpAnswered(HttpRequestStep http, HttpStepRequest request, HttpStepResponse response, WorkflowRun run, IRunContext context)
    {
        run.SetVariable("http.status", response.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        if (!response.IsSuccess)
            return StepResult.Outcome(Outcomes.Failure, response.StatusCode is { } code
                ? Phrase.Of(PhraseCode.RunHttpAnswered, "{0} {1} answered {2}", request.Method, request.Url, code)
                : Phrase.Of(PhraseCode.RunHttpFailed, "{0} {1} failed: {2}", request.Method, request.Url, response.Error ?? ""));

        var saved = new List<object>();
        if (http.ResponseMappings.Count > 0 && !string.IsNullOrWhiteSpace(response.Body))
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                foreach (var mapping in http.ResponseMappings)
                    if (JsonPath.Read(document.RootElement, mapping.Path) is { } value)
                    {
                        context.Contact.SetField(mapping.Field, value);
                        saved.Add(Phrase.Of(PhraseCode.RunFieldSet, "{0} = \"{1}\"", mapping.Field, value));
                    }
            }
            catch (JsonException)
            {
                return StepResult.Outcome(Outcomes.Failure, Phrase.Of(PhraseCode.RunHttpNotJson, "{0} {1} answered {2} but not with JSON", request.Method, request.Url, Status(response)));
            }
        }
        return StepResult.Outcome(Outcomes.Success, saved.Count == 0
            ? Phrase.Of(PhraseCode.RunHttpAnswered, "{0} {1} answered {2}", request.Method, request.Url, Status(response))
            : Phrase.Of(PhraseCode.RunHttpSaved, "{0} {1} answered {2}; saved {3}", request.Method, request.Url, Status(response), new PhraseList(", ", saved)));
    }

    private static string Status(HttpStepResponse response) =>
        response.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>A time in the run log: UTC, written the same in every language.</summary>
    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
