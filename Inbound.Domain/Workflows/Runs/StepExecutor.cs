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
                return StepResult.Outcome(Outcomes.Next, $"{update.Field} = \"{value}\"");

            case AddTagStep add:
                context.Contact.AddTag(Render(add.Tag));
                return StepResult.Outcome(Outcomes.Next, $"Tagged \"{Render(add.Tag)}\"");

            case RemoveTagStep remove:
                context.Contact.RemoveTag(Render(remove.Tag));
                return StepResult.Outcome(Outcomes.Next, $"Removed tag \"{Render(remove.Tag)}\"");

            case AddCommentStep comment:
                context.Store(context.Conversation.AddNote(AuthorKind.Workflow, null, Render(comment.Text), now));
                return StepResult.Outcome(Outcomes.Next, "Comment added");

            case SendMessageStep send:
                var text = Render(Translations.Pick(send.Text, send.Translations, context.Contact.Language));
                // A run started by the conversation closing (a thank-you, a survey) messages the contact without reopening it.
                context.Store(context.Conversation.IsOpen
                    ? context.Conversation.Reply(AuthorKind.Workflow, null, text, now)
                    : context.Conversation.SendAfterClose(text, now));
                return StepResult.Outcome(Outcomes.Next, $"Sent \"{text}\"");

            case HttpRequestStep http:
                return Http(http, input, run, context, Render);

            case BranchStep branch:
                var rule = BranchEvaluator.FirstMatch(branch, context);
                return rule is null
                    ? StepResult.Outcome(Outcomes.Else, "No rule matched")
                    : StepResult.Outcome(Outcomes.Rule(rule.Id), $"Matched \"{rule.Title}\"");

            case BusinessHoursStep hours:
                if (hours.IsOpenAt(now)) return StepResult.Outcome(Outcomes.Open, $"Open at {now:yyyy-MM-dd HH:mm} UTC");
                // For the closed path's message: "We open again {{hours.opens}}".
                run.SetVariable("hours.opens", hours.DescribeNextOpening(now) ?? "later");
                return StepResult.Outcome(Outcomes.Closed, $"Closed at {now:yyyy-MM-dd HH:mm} UTC");

            case AssignToStep assign:
                var decision = await context.AssignAsync(assign, run, ct);
                if (decision.Assigned) return StepResult.Outcome(Outcomes.Assigned, decision.Rule, decision);
                var detail = decision.QueuePosition is { } position ? $"{decision.Rule} Queued at position {position}." : decision.Rule;
                return StepResult.Outcome(Outcomes.NobodyAvailable, detail, decision);

            case UnassignStep:
                context.Conversation.Unassign(now);
                return StepResult.Outcome(Outcomes.Next, "Unassigned");

            case CloseConversationStep close:
                context.Conversation.Close(new ClosingNote(close.Category, Render(close.Note)), null, now);
                return StepResult.End($"Closed as \"{close.Category}\"");

            case WaitStep wait:
                if (input is RunInput.TimerInput) return StepResult.Outcome(Outcomes.Next, "Waited");
                if (wait.WaitsForOpening)
                {
                    var schedule = definition.FindNode(wait.UntilOpenOf!) as BusinessHoursStep
                        ?? throw new DomainException("The business hours to wait for are missing.");
                    var opens = schedule.NextOpening(now) ?? throw new DomainException("The business hours never open.");
                    if (opens <= now) return StepResult.Outcome(Outcomes.Next, "Open now; no wait");
                    run.WaitUntil(opens, now);
                    return StepResult.Waiting($"Waiting until business hours open, {opens:yyyy-MM-dd HH:mm} UTC");
                }
                run.WaitUntil(now.AddMinutes(wait.Minutes), now);
                return StepResult.Waiting($"Waiting until {run.WakeAt:yyyy-MM-dd HH:mm} UTC");

            case JumpToStep jump:
                return StepResult.Jump(jump.TargetNodeId, $"Jumped to {jump.TargetNodeId}");

            case EndStep:
                return StepResult.End("Ended");

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
                return StepResult.Outcome(Outcomes.Timeout, $"No answer within {ask.TimeoutMinutes} min");

            case RunInput.ReplyInput reply:
                var answer = AnswerValidation.Accept(ask, reply.Message.Body, language);
                if (answer is not null)
                {
                    run.SetVariable("answer", answer);
                    run.SetVariable($"{ask.Id}.answer", answer);
                    if (!string.IsNullOrWhiteSpace(ask.SaveToField)) SaveAnswer(context.Contact, ask.SaveToField, answer);
                    var key = ask.AnswerType == AnswerType.MultipleChoice ? Outcomes.Option(answer) : Outcomes.Answered;
                    return StepResult.Outcome(key, $"Answered \"{answer}\"");
                }
                run.CountInvalidAnswer();
                if (run.Attempts > ask.MaxRetries)
                    return StepResult.Outcome(Outcomes.Invalid, $"Invalid answer \"{reply.Message.Body}\", no retries left");
                context.Store(context.Conversation.Reply(AuthorKind.Workflow, null, RunVariables.Render(Translations.PickInvalidAnswer(ask, language), run, context) + "\n" + prompt, now, choices));
                run.WaitForReply(now, Deadline());
                return StepResult.Waiting($"Invalid answer \"{reply.Message.Body}\", asked again ({run.Attempts} of {ask.MaxRetries} retries)");

            default:
                context.Store(context.Conversation.Reply(AuthorKind.Workflow, null, prompt, now, choices));
                run.WaitForReply(now, Deadline());
                return StepResult.Waiting(ask.TimeoutMinutes is { } m ? $"Asked; waiting up to {m} min for the answer" : "Asked; waiting for the answer");
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
                return StepResult.Outcome(Outcomes.Failure, $"{request.Method} {request.Url} failed: no answer within {http.TimeoutSeconds} s");
            case RunInput.HttpInput answered:
                return HttpAnswered(http, request, answered.Response, run, context);
            default:
                context.BeginSend(request, run);
                run.WaitForHttp(context.Now, context.Now + request.Timeout + HttpDeadlineMargin);
                return StepResult.Waiting($"{request.Method} {request.Url} sent; waiting for the answer");
        }
    }

    private static StepResult HttpAnswered(HttpRequestStep http, HttpStepRequest request, HttpStepResponse response, WorkflowRun run, IRunContext context)
    {
        run.SetVariable("http.status", response.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        if (!response.IsSuccess)
            return StepResult.Outcome(Outcomes.Failure, response.StatusCode is { } code
                ? $"{request.Method} {request.Url} answered {code}"
                : $"{request.Method} {request.Url} failed: {response.Error}");

        var saved = new List<string>();
        if (http.ResponseMappings.Count > 0 && !string.IsNullOrWhiteSpace(response.Body))
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                foreach (var mapping in http.ResponseMappings)
                    if (JsonPath.Read(document.RootElement, mapping.Path) is { } value)
                    {
                        context.Contact.SetField(mapping.Field, value);
                        saved.Add($"{mapping.Field} = \"{value}\"");
                    }
            }
            catch (JsonException)
            {
                return StepResult.Outcome(Outcomes.Failure, $"{request.Method} {request.Url} answered {response.StatusCode} but not with JSON");
            }
        }
        return StepResult.Outcome(Outcomes.Success, saved.Count == 0
            ? $"{request.Method} {request.Url} answered {response.StatusCode}"
            : $"{request.Method} {request.Url} answered {response.StatusCode}; saved {string.Join(", ", saved)}");
    }
}
