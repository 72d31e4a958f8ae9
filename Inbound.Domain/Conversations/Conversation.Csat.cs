using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Conversations;

/// <summary>
/// The contact's satisfaction rating, asked after the conversation closed: for a window set on the asking step, the
/// contact's messages answer the question (a rating 1–5, then an optional comment) on the closed conversation instead
/// of opening a new one. After the window a message opens a new conversation as usual.
/// </summary>
public sealed partial class Conversation
{
    public const int MaxCsatCommentLength = 2000;

    public static readonly IReadOnlyList<string> CsatChoices = ["1", "2", "3", "4", "5"];

    /// <summary>1 (poor) to 5 (great), or null when not rated.</summary>
    public int? CsatRating { get; private set; }

    public string? CsatComment { get; private set; }
    public DateTime? CsatRatedAt { get; private set; }

    /// <summary>Until when the contact's messages answer the rating question; null when none is pending.</summary>
    public DateTime? CsatOpenUntil { get; private set; }

    /// <summary>Whether a message from the contact now answers the rating question rather than opening a conversation.</summary>
    public bool AwaitsCsatAt(DateTime now) => !IsOpen && CsatOpenUntil > now && CsatComment is null;

    /// <summary>A workflow's message to the contact after closing (a closed-trigger run): it does not reopen the conversation.</summary>
    public Message SendAfterClose(string body, DateTime now, IReadOnlyList<string>? quickReplies = null)
    {
        if (IsOpen) throw new DomainException("The conversation is open: reply to it instead.");
        return Add(MessageDirection.Outbound, AuthorKind.Workflow, null, body, null, DeliveryStatus.Pending, now, quickReplies, whileClosed: true);
    }

    /// <summary>Asks the contact to rate the closed conversation with the buttons 1–5; answers count for <paramref name="window"/>.</summary>
    public Message AskForRating(string question, TimeSpan window, DateTime now)
    {
        if (window <= TimeSpan.Zero) throw new DomainException("The rating window must be positive.");
        var message = SendAfterClose(question, now, CsatChoices);
        CsatOpenUntil = now + window;
        return message;
    }

    /// <summary>The workflow wants no more answers (it asks for no comment): the contact's next message opens a conversation again.</summary>
    public void EndRatingQuestion() => CsatOpenUntil = null;

    /// <summary>
    /// The contact's answer within the window, kept in the closed thread: first a rating (anything else is kept but
    /// rates nothing), then any text is the comment, which ends the question.
    /// </summary>
    public Message ReceiveCsatAnswer(string body, string? externalId, DateTime now)
    {
        if (!AwaitsCsatAt(now)) throw new DomainException("This conversation is closed.");
        var message = Add(MessageDirection.Inbound, AuthorKind.Contact, ContactId, body, externalId, DeliveryStatus.Received, now, whileClosed: true);
        var text = body.Trim();
        if (CsatRating is null)
        {
            if (int.TryParse(text, out var rating) && rating is >= 1 and <= 5)
            {
                CsatRating = rating;
                CsatRatedAt = now;
                Raise(new ConversationRated(Id, rating, now));
            }
        }
        else if (text.Length > 0)
        {
            CsatComment = text.Length > MaxCsatCommentLength ? text[..MaxCsatCommentLength] : text;
            CsatOpenUntil = null;
        }
        return message;
    }
}
