using System.Text.Json;
using Bunit;
using Inbound.Domain.Assignment;
using Inbound.Domain.Texts;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Localization;
using Inbound.Web.Workflows.Designer;
using Microsoft.Extensions.Localization;

namespace Inbound.Tests.Localization;

/// <summary>
/// What the engine logs after a step ran (a reassignment, the queue) and the outcome in "Ended after …" read in Thai,
/// and a run ended on an outcome names it as the step's card does.
/// </summary>
public sealed class ThaiRunTitlesTests : MudComponentTest
{
    private static readonly DateTime Now = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_reassignment_in_the_run_trace_has_its_title_in_Thai_also_after_it_was_stored()
    {
        var logged = RunLogEntry.Of("assign", NodeKind.AssignTo, Phrase.Of(PhraseCode.RunStepReassigned, "Reassigned"), Now,
            Outcomes.Assigned, Phrase.Of(PhraseCode.RunEnded, "Ended."));
        var stored = JsonSerializer.Deserialize<RunLogEntry>(JsonSerializer.Serialize(logged, WorkflowJson.Options), WorkflowJson.Options)!;

        using var thai = ThaiCulture.Use();
        var cut = Render<RunStepDetails>(p => p.Add(x => x.Entries, [stored]));

        Assert.Equal("มอบหมายใหม่", cut.Find("[data-testid=run-step-title]").TextContent.Trim());
        Assert.Equal("Reassigned", stored.Title);
        Assert.Equal("มอบหมายจากคิว", Say(Phrase.Of(PhraseCode.RunStepAssignedFromQueue, "Assigned from the queue")));
    }

    [Fact]
    public void A_run_ended_on_an_outcome_names_it_in_Thai_as_the_step_card_does()
    {
        var assign = new AssignToStep { Id = "assign", QueueWhenNobodyAvailable = true };
        var ask = new AskQuestionStep { Id = "ask" };
        var texts = new WorkflowTexts(Services.GetRequiredService<IStringLocalizer<WorkflowTexts>>(), Services.GetRequiredService<IStringLocalizer<Phrases>>());

        using var thai = ThaiCulture.Use();
        var queued = assign.Outcomes().Single(o => o.Key == Outcomes.NobodyAvailable);
        var answered = ask.Outcomes().Single(o => o.Key == Outcomes.Answered);
        var ended = Phrase.Of(PhraseCode.RunEndedAfter, "Ended after {0}: {1}.", "Ask", Outcomes.Said(ask, answered));

        Assert.Equal("จบหลังขั้นตอน Ask: ตอบแล้ว", Say(ended));
        Assert.Equal("Ended after Ask: Answered.", ended.English);
        Assert.Equal(texts.Outcome(queued, assign), Say(Outcomes.Said(assign, queued)));
        Assert.Equal("เข้าคิว ไม่มีเจ้าหน้าที่ว่าง", texts.Outcome(queued, assign));
    }

    [Fact]
    public void A_run_ended_after_a_step_without_a_name_says_the_kind_of_step_in_Thai_also_after_it_was_stored()
    {
        var ask = new AskQuestionStep { Id = "ask" };
        var named = new AskQuestionStep { Id = "email", Label = "Email please" };
        var answered = ask.Outcomes().Single(o => o.Key == Outcomes.Answered);
        Phrase Stored(WorkflowNode step) => JsonSerializer.Deserialize<Phrase>(JsonSerializer.Serialize(
            Phrase.Of(PhraseCode.RunEndedAfter, "Ended after {0}: {1}.", StepName.Of(step), Outcomes.Said(step, answered)), WorkflowJson.Options), WorkflowJson.Options)!;

        using var thai = ThaiCulture.Use();

        Assert.Equal("จบหลังขั้นตอน ถามคำถาม: ตอบแล้ว", Say(Stored(ask)));
        Assert.Equal("Ended after Ask a question: Answered.", Stored(ask).English);
        Assert.Equal("จบหลังขั้นตอน Email please: ตอบแล้ว", Say(Stored(named)));
    }

    private string Say(object phrase) => Services.GetRequiredService<IStringLocalizer<Phrases>>().Say(phrase);
}
