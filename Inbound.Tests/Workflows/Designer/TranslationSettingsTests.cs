using System.Globalization;
using Bunit;
using Inbound.Domain.Workflows;
using Inbound.Web.Workflows.Designer;
using Inbound.Web.Workflows.Designer.Settings;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Inbound.Tests.Workflows.Designer;

/// <summary>The Send message and Ask a question panels let the admin give the text in more languages.</summary>
public class TranslationSettingsTests : DesignerTestBase
{
    private int _changes;
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private IRenderedComponent<TPanel> RenderPanel<TPanel, TStep>(TStep step)
        where TPanel : SettingsPanelBase<TStep> where TStep : WorkflowNode
    {
        _popovers ??= Render<MudPopoverProvider>();
        return Render<TPanel>(p => p.Add(x => x.Step, step).Add(x => x.Choices, DesignerChoices.Empty)
            .Add(x => x.Changed, EventCallback.Factory.Create(this, () => _changes++)));
    }

    [Fact]
    public void A_message_gets_a_thai_and_an_english_text_and_loses_one_again()
    {
        var step = new SendMessageStep { Id = "m", Text = "Hello" };
        var panel = RenderPanel<TextSettings, WorkflowNode>(step);

        panel.Find("button[data-testid=translation-add]").Click();
        panel.Find("button[data-testid=translation-add]").Click();
        panel.FindAll("textarea[data-testid=translation-text]")[0].Input("สวัสดีค่ะ");
        panel.WaitForAssertion(() => Assert.Equal("สวัสดีค่ะ", step.Translations[0].Text));
        panel.FindAll("textarea[data-testid=translation-text]")[1].Input("Hi there");

        panel.WaitForAssertion(() => Assert.Equal([("th", "สวัสดีค่ะ"), ("en", "Hi there")], step.Translations.Select(t => (t.Language, t.Text))));
        panel.WaitForAssertion(() => Assert.Equal(["Message in th", "Message in en"], panel.FindAll("[data-testid=translation] label")
            .Select(l => l.TextContent.Trim().TrimEnd('*', ' ')).Where(l => l.StartsWith("Message"))));

        panel.FindAll("button[data-testid=translation-remove]")[1].Click();

        panel.WaitForAssertion(() => Assert.Equal("th", Assert.Single(step.Translations).Language));
        Assert.True(_changes > 0);
    }

    [Fact]
    public void A_questions_options_get_their_text_in_the_added_language_beside_the_default_ones()
    {
        var step = new AskQuestionStep { Id = "q", Question = "Topic?", AnswerType = AnswerType.MultipleChoice, Options = ["Sales", "Support"] };
        var panel = RenderPanel<AskQuestionSettings, AskQuestionStep>(step);

        panel.Find("button[data-testid=translation-add]").Click();
        panel.Find("textarea[data-testid=translation-text]").Input("เรื่องอะไรคะ");
        var options = panel.FindAll("input[data-testid=translation-option]");
        Assert.Equal(["Sales", "Support"], options.Select(o => o.GetAttribute("placeholder")));
        options[1].Change("ฝ่ายบริการ");
        options[0].Change("ฝ่ายขาย");

        panel.WaitForAssertion(() => Assert.Equal("เรื่องอะไรคะ", Assert.Single(step.Translations).Text));
        Assert.Equal(["ฝ่ายขาย", "ฝ่ายบริการ"], step.Translations[0].Options);
        // The outcomes stay the default options: the Thai ones only change what the contact reads.
        Assert.Equal(["option:Sales", "option:Support", "invalid"], step.Outcomes().Select(o => o.Key));
    }

    [Fact]
    public void A_language_code_that_is_not_one_is_marked()
    {
        var step = new SendMessageStep { Id = "m", Text = "Hello", Translations = [new() { Language = "th", Text = "สวัสดี" }] };
        var panel = RenderPanel<TextSettings, WorkflowNode>(step);

        panel.Find("input[data-testid=translation-language]").Change("thai!");

        panel.WaitForAssertion(() => Assert.Contains("Not a language code", panel.Find("[data-testid=translation]").TextContent));
        Assert.Contains("\"thai!\" is not a language code (e.g. th, en, pt-BR).", step.SettingProblems());
    }

    [Fact]
    public void The_panels_speak_thai_to_a_thai_admin()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("th-TH");
        try
        {
            var ask = RenderPanel<AskQuestionSettings, AskQuestionStep>(new AskQuestionStep { Id = "q" });
            var message = RenderPanel<TextSettings, WorkflowNode>(new SendMessageStep { Id = "m" });

            Assert.Contains("คำถาม", ask.FindAll("label").Select(l => l.TextContent.Trim().TrimEnd('*', ' ')));
            Assert.Contains("ข้อความ", message.FindAll("label").Select(l => l.TextContent.Trim().TrimEnd('*', ' ')));
            Assert.Equal("เพิ่มภาษา", message.Find("button[data-testid=translation-add]").TextContent.Trim());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
