using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>
/// What an Ask for a rating step does as the run reaches it and as the contact answers. Ingestion has already stored
/// each answer on the closed conversation (<see cref="Conversations.Conversation.ReceiveCsatAnswer"/>), so the step
/// reads the conversation's state rather than the message: a rating and a comment that arrive together still count.
/// </summary>
internal static class RatingQuestion
{
    private const string CommentAsked = "rating.commentAsked";

    public static StepResult Execute(AskForRatingStep step, RunInput input, WorkflowRun run, IRunContext context)
    {
        var now = context.Now;
        var conversation = context.Conversation;
        string Render(string? template) => RunVariables.Render(template, run, context);
        // The window is the conversation's, set when asking: waiting for the comment does not extend it.
        DateTime Deadline() => conversation.CsatOpenUntil ?? now.AddMinutes(step.WindowMinutes);

        switch (input)
        {
            case RunInput.TimerInput:
                return conversation.CsatRating is { } late
                    ? Rated(run, late, PhraseCode.RunRatedNoCommentInTime, "Rated {0}, no comment in time")
                    : StepResult.Outcome(Outcomes.NoAnswer, Phrase.Of(PhraseCode.RunNoRating, "No rating within {0}", Durations.Of(step.WindowMinutes)));

            case RunInput.ReplyInput reply:
                if (conversation.CsatRating is not { } rating)
                {
                    run.WaitForReply(now, Deadline());
                    return StepResult.Waiting(Phrase.Of(PhraseCode.RunNotARating, "\"{0}\" is not a rating from 1 to 5; still waiting", reply.Message.Body));
                }
                if (conversation.CsatComment is not null) return Rated(run, rating, PhraseCode.RunRatedWithComment, "Rated {0}, with a comment");
                if (!step.AsksForComment)
                {
                    // Nothing more to ask: the contact's next message opens a new conversation again.
                    conversation.EndRatingQuestion();
                    return Rated(run, rating, PhraseCode.RunRatedNoCommentAsked, "Rated {0}, no comment asked");
                }
                if (!run.Variables.ContainsKey(CommentAsked))
                {
                    context.Store(conversation.SendAfterClose(Render(step.CommentQuestion), now));
                    run.SetVariable(CommentAsked, "yes");
                }
                run.SetVariable("rating", rating.ToString(System.Globalization.CultureInfo.InvariantCulture));
                run.WaitForReply(now, Deadline());
                return StepResult.Waiting(Phrase.Of(PhraseCode.RunRatedAskedComment, "Rated {0}; asked for a comment", rating));

            default:
                if (conversation.IsOpen)
                    throw new DomainException("Ask for a rating runs once the conversation is closed: start the workflow with the Conversation closed trigger.");
                context.Store(conversation.AskForRating(Render(step.Question), TimeSpan.FromMinutes(step.WindowMinutes), now));
                run.WaitForReply(now, Deadline());
                return StepResult.Waiting(Phrase.Of(PhraseCode.RunAskedRating, "Asked for a rating; waiting up to {0}", Durations.Of(step.WindowMinutes)));
        }
    }

    private static StepResult Rated(WorkflowRun run, int rating, PhraseCode code, string englishFormat)
    {
        run.SetVariable("rating", rating.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return StepResult.Outcome(Outcomes.Rated, Phrase.Of(code, englishFormat, rating));
    }
}
