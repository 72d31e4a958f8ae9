using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Ai;

namespace Inbound.Tests.Ai;

/// <summary>Which earlier turns an AI step's question takes along, and which it leaves out.</summary>
public sealed class AiStepHistoryTests
{
    private static readonly DateTime Start = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);

    private readonly Conversation _conversation = Conversation.Open(Guid.NewGuid(), Guid.NewGuid(), ConversationSource.Contact, Start);
    private readonly List<Message> _thread = [];
    private readonly List<Guid> _answers = [];
    private DateTime _at = Start;

    private void Contact(string text) => _thread.Add(_conversation.ReceiveFromContact(text, null, _at = _at.AddMinutes(1)));

    private void AiAnswer(string text)
    {
        var reply = _conversation.Reply(AuthorKind.Workflow, null, text, _at = _at.AddMinutes(1));
        _thread.Add(reply);
        _answers.Add(reply.Id);
    }

    private AiStepRequest Question(string text)
    {
        Contact(text);
        return new AiStepRequest("ai", text, "Be brief.", null, 3) { EarlierAnswerIds = [.. _answers] };
    }

    [Fact]
    public void The_contact_and_the_step_speak_oldest_first_without_the_question_agents_other_steps_or_notes()
    {
        _thread.Add(_conversation.Reply(AuthorKind.Workflow, null, "Welcome! What is it about?", _at = _at.AddMinutes(1)));
        Contact("Opening hours");
        AiAnswer("We are open 9 to 17 on weekdays.");
        _thread.Add(_conversation.AddNote(AuthorKind.Workflow, null, "AI answer sources: Hours", _at));
        _thread.Add(_conversation.Reply(AuthorKind.Agent, Guid.NewGuid(), "Ana here, anything else?", _at = _at.AddMinutes(1)));
        var question = Question("and on Sundays?");

        var history = AiStepHistory.Select(_thread, question);

        Assert.Equal([new AiTurn(true, "Opening hours"), new AiTurn(false, "We are open 9 to 17 on weekdays.")], history);
    }

    [Fact]
    public void The_character_budget_drops_the_oldest_turns_first()
    {
        Contact("first question, quite long");
        AiAnswer("first answer");
        Contact("second question");
        AiAnswer("second answer");
        var question = Question("third question");

        var history = AiStepHistory.Select(_thread, question, maxCharacters: "second question".Length + "second answer".Length + 5);

        Assert.Equal([new AiTurn(true, "second question"), new AiTurn(false, "second answer")], history);
    }

    [Fact]
    public void The_turn_count_keeps_the_latest_turns()
    {
        for (var i = 1; i <= 4; i++)
        {
            Contact($"question {i}");
            AiAnswer($"answer {i}");
        }
        var question = Question("question 5");

        var history = AiStepHistory.Select(_thread, question, maxTurns: 3);

        Assert.Equal(["answer 3", "question 4", "answer 4"], history.Select(t => t.Text));
    }

    [Fact]
    public void Retrieval_searches_with_the_question_and_a_little_of_the_latest_turns()
    {
        var text = AiStepHistory.SearchText("and on Sundays?", [new AiTurn(true, "Opening hours"), new AiTurn(false, new string('x', 500))], contextCharacters: 100);

        Assert.StartsWith("and on Sundays?\n", text);
        Assert.Equal("and on Sundays?\n".Length + 100, text.Length);
        Assert.DoesNotContain("Opening hours", text);
    }
}
