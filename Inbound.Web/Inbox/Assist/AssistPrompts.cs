using System.Globalization;
using System.Text;
using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Microsoft.Extensions.AI;

namespace Inbound.Web.Inbox.Assist;

/// <summary>
/// The prompts behind the agents' AI help. The thread goes out as a plain transcript of its recent entries; the AI
/// client's pipeline redacts emails and phone numbers before the request leaves. Answers are asked for in the
/// contact's language: their Language field when the contact has one, else the language they write in.
/// </summary>
public static class AssistPrompts
{
    /// <summary>Enough of a long thread to answer its latest turn or sum it up, without sending months of history.</summary>
    public const int RecentEntries = 30;

    // One long message (a pasted log) must not crowd out the rest of the transcript.
    private const int MaxEntryLength = 1500;

    public static IReadOnlyList<ChatMessage> SuggestReply(ConversationThread thread, string agentName) =>
    [
        new(ChatRole.System,
            $"""
            You help a customer-service agent named {agentName} answer a contact. Write the next reply the agent could send,
            in {LanguageOf(thread.Contact)}. Write only the reply itself, as the agent, in plain text, friendly and at most
            four sentences. Do not invent facts such as prices, dates or order states: where one is needed, say the agent
            will check. Never promise what the transcript does not support.
            """),
        new(ChatRole.User, Transcript(thread, withNotes: false) + "\nTask: write the agent's next reply to the contact."),
    ];

    public static IReadOnlyList<ChatMessage> Summarize(ConversationThread thread) =>
    [
        new(ChatRole.System,
            $"""
            Summarize this customer conversation for the team's records, in {LanguageOf(thread.Contact)}: what the contact
            wanted, what was done, and anything still open. Plain text, at most three sentences, no heading.
            """),
        new(ChatRole.User, Transcript(thread, withNotes: true) + "\nTask: summarize the conversation for the team's records."),
    ];

    internal static string LanguageOf(ContactCard contact)
    {
        if (contact.Fields.TryGetValue(Contact.LanguageField, out var code) && !string.IsNullOrWhiteSpace(code))
        {
            try
            {
                return $"{CultureInfo.GetCultureInfo(code.Trim()).EnglishName} (the contact's language)";
            }
            catch (CultureNotFoundException)
            {
                return $"the language with code \"{code.Trim()}\" (the contact's language)";
            }
        }
        return "the language the contact writes in";
    }

    /// <summary>
    /// The recent entries, one per line with who wrote it. Internal notes only go into summaries: a suggested reply
    /// must not echo what the team wrote for itself.
    /// </summary>
    internal static string Transcript(ConversationThread thread, bool withNotes)
    {
        var text = new StringBuilder("Conversation so far, oldest first:\n");
        var entries = thread.Entries.Where(e => !e.IsSystemEvent && e.Body.Length > 0 && (withNotes || e.Direction != MessageDirection.InternalNote));
        foreach (var entry in entries.TakeLast(RecentEntries))
        {
            var who = entry.Direction switch
            {
                MessageDirection.Inbound => "Contact",
                MessageDirection.InternalNote => $"Internal note by {entry.AuthorName}",
                _ when entry.AuthorKind == AuthorKind.Agent => $"Agent {entry.AuthorName}",
                _ => "Automated message",
            };
            var body = entry.Body.Length > MaxEntryLength ? entry.Body[..MaxEntryLength] + "…" : entry.Body;
            text.Append(who).Append(": ").AppendLine(body.ReplaceLineEndings(" "));
        }
        return text.ToString();
    }
}
