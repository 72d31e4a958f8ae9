using Inbound.Domain.Languages;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Tests.Domain.Workflows;

/// <summary>A step's text per language: the contact's language picks it, with a fallback to the step's default text.</summary>
public class StepTranslationTests
{
    private readonly FakeRunContext _context = new();

    private static StepTranslation Thai(string text, params string[] options) => new() { Language = "th", Text = text, Options = [.. options] };

    private static readonly List<StepTranslation> ThaiAndBrazilian =
    [
        Thai("สวัสดีค่ะ"),
        new() { Language = "pt-BR", Text = "Olá do Brasil" },
        new() { Language = "pt", Text = "Olá" },
    ];

    [Theory]
    [InlineData("th", "สวัสดีค่ะ")]
    [InlineData("th-TH", "สวัสดีค่ะ")]
    [InlineData("TH_th", "สวัสดีค่ะ")]
    [InlineData("pt-BR", "Olá do Brasil")]
    [InlineData("pt-PT", "Olá")]
    [InlineData("en", "Hello")]
    [InlineData("de-DE", "Hello")]
    [InlineData(null, "Hello")]
    [InlineData("not a language", "Hello")]
    public void The_contacts_language_picks_the_text_then_the_language_without_region_then_the_default(string? language, string expected)
    {
        Assert.Equal(expected, Translations.Pick("Hello", ThaiAndBrazilian, language));
    }

    [Fact]
    public void A_translation_left_blank_falls_back_to_the_default_text()
    {
        Assert.Equal("Hello", Translations.Pick("Hello", [Thai("  ")], "th"));
    }

    [Fact]
    public void A_questions_options_are_shown_in_the_language_and_a_blank_one_keeps_the_default()
    {
        Assert.Equal(["ฝ่ายขาย", "Support", "การเงิน"],
            Translations.PickOptions(["Sales", "Support", "Billing"], [Thai("เรื่องอะไรคะ", "ฝ่ายขาย", "", "การเงิน")], "th-TH"));
    }

    [Fact]
    public async Task A_send_message_step_sends_the_text_in_the_contacts_language()
    {
        _context.Contact.SetLanguage("th-TH");
        var run = await RunAsync(new SendMessageStep { Text = "Hi {{contact.name}}", Translations = [Thai("สวัสดี {{contact.name}}")] });

        Assert.Equal("สวัสดี Maria Lopez", Assert.Single(_context.SentTexts));
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task A_contact_without_a_language_gets_the_default_text()
    {
        await RunAsync(new SendMessageStep { Text = "Hi", Translations = [Thai("สวัสดี")] });

        Assert.Equal("Hi", Assert.Single(_context.SentTexts));
    }

    [Fact]
    public async Task A_thai_contact_is_asked_in_thai_and_their_thai_answer_takes_the_options_outcome_saved_as_the_default_option()
    {
        _context.Contact.SetLanguage("th");
        var ask = new AskQuestionStep
        {
            Id = "step", Question = "What can we help you with?", AnswerType = AnswerType.MultipleChoice, Options = ["Sales", "Support"],
            SaveToField = "Topic", Translations = [Thai("ให้เราช่วยเรื่องอะไรคะ", "ฝ่ายขาย", "ฝ่ายบริการ")],
        };
        var interpreter = Around(ask);
        var run = NewRun();
        await interpreter.StartAsync(run, _context);

        var question = Assert.Single(_context.Stored);
        Assert.Equal("ให้เราช่วยเรื่องอะไรคะ", question.Body);
        Assert.Equal(["ฝ่ายขาย", "ฝ่ายบริการ"], question.QuickReplies);

        await interpreter.ResumeWithReplyAsync(run, _context, _context.ContactSays("ฝ่ายบริการ"));

        Assert.Equal(Outcomes.Option("Support"), run.Log.Last(e => e.NodeId == "step" && e.Outcome is not null).Outcome);
        Assert.Equal("Support", _context.Contact.GetField("Topic"));
    }

    [Fact]
    public async Task A_thai_contact_who_answers_wrongly_is_told_so_in_thai_and_an_english_contact_in_english()
    {
        var ask = new AskQuestionStep
        {
            Id = "step", Question = "Sales or Support?", AnswerType = AnswerType.MultipleChoice, Options = ["Sales", "Support"],
            InvalidAnswerMessage = "Please pick one.",
            Translations = [new() { Language = "th", Text = "ฝ่ายขายหรือฝ่ายบริการ", Options = ["ฝ่ายขาย", "ฝ่ายบริการ"], InvalidAnswer = "กรุณาเลือกหนึ่งข้อ" }],
        };
        _context.Contact.SetLanguage("th");
        var run = NewRun();
        await Around(ask).StartAsync(run, _context);
        await Around(ask).ResumeWithReplyAsync(run, _context, _context.ContactSays("พิซซ่า"));

        Assert.Equal("กรุณาเลือกหนึ่งข้อ\nฝ่ายขายหรือฝ่ายบริการ", _context.Stored.Last().Body);

        _context.Contact.SetLanguage("en");
        var english = NewRun();
        await Around(ask).StartAsync(english, _context);
        await Around(ask).ResumeWithReplyAsync(english, _context, _context.ContactSays("pizza"));

        Assert.Equal("Please pick one.\nSales or Support?", _context.Stored.Last().Body);
    }

    [Theory]
    [InlineData("ไทย", "th")]
    [InlineData("Thai", "th")]
    [InlineData("English", "en")]
    [InlineData("pt_br", "pt-BR")]
    public async Task A_question_saved_to_the_language_field_sets_the_contacts_language_as_a_code(string answer, string expected)
    {
        var ask = new AskQuestionStep { Id = "step", Question = "Which language?", SaveToField = "Language" };
        var interpreter = Around(ask);
        var run = NewRun();
        await interpreter.StartAsync(run, _context);

        await interpreter.ResumeWithReplyAsync(run, _context, _context.ContactSays(answer));

        Assert.Equal(expected, _context.Contact.Language);
    }

    [Fact]
    public void Validation_names_a_translation_without_text_an_unknown_language_and_a_language_given_twice()
    {
        var step = new SendMessageStep
        {
            Text = "Hi",
            Translations = [Thai(""), new() { Language = "thai!", Text = "x" }, new() { Language = "en", Text = "a" }, new() { Language = "EN", Text = "b" }],
        };

        var problems = step.SettingProblems().ToList();

        Assert.Contains("Write the text in th, or remove the language.", problems);
        Assert.Contains("\"thai!\" is not a language code (e.g. th, en, pt-BR).", problems);
        Assert.Contains("The language en is there twice.", problems);
    }

    [Fact]
    public void A_definition_stored_before_translations_loads_with_one_text_and_keeps_its_translations_after_a_round_trip()
    {
        const string old = """
            {"nodes":[{"kind":"sendMessage","id":"s","text":"Hi"},
                      {"kind":"askQuestion","id":"q","question":"Topic?","answerType":"MultipleChoice","options":["A","B"]}],"edges":[]}
            """;
        var definition = WorkflowJson.Deserialize(old);
        var send = Assert.IsType<SendMessageStep>(definition.FindNode("s"));
        Assert.Equal("Hi", send.Text);
        Assert.Empty(send.Translations);

        send.Translations.Add(Thai("สวัสดี"));
        var again = WorkflowJson.Deserialize(WorkflowJson.Serialize(definition));

        Assert.Equal("สวัสดี", Assert.Single(Assert.IsType<SendMessageStep>(again.FindNode("s")).Translations).Text);
        Assert.Empty(Assert.IsType<AskQuestionStep>(again.FindNode("q")).Translations);
    }

    [Theory]
    [InlineData("th", "th")]
    [InlineData(" th_TH ", "th-TH")]
    [InlineData("EN-us", "en-US")]
    [InlineData("", null)]
    [InlineData("Thai language", null)]
    public void A_language_code_is_written_one_way(string input, string? expected)
    {
        Assert.Equal(expected, LanguageCode.Normalize(input));
    }

    private static WorkflowInterpreter Around(StepNode step)
    {
        step.Id = "step";
        var definition = new WorkflowDefinition().Add(new ConversationOpenedTrigger { Id = "trigger" }).Add(step).Connect("trigger", Outcomes.Next, "step");
        foreach (var outcome in step.Outcomes())
            definition.Add(new EndStep { Id = "end:" + outcome.Key }).Connect("step", outcome.Key, "end:" + outcome.Key);
        return new WorkflowInterpreter(definition);
    }

    private WorkflowRun NewRun() => new(Guid.NewGuid(), "Test", Guid.NewGuid(), 1, _context.Conversation.Id, _context.Contact.Id,
        _context.Conversation.FirstMessageId, "trigger", _context.Now);

    private async Task<WorkflowRun> RunAsync(StepNode step)
    {
        var run = NewRun();
        await Around(step).StartAsync(run, _context);
        return run;
    }
}
