using Bunit;
using Inbound.Domain.Texts;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Workflows;
using Inbound.Web.Workflows.Designer;

namespace Inbound.Tests.Workflows.Designer;

public class WorkflowRunsPanelTests : MudComponentTest
{
    private static RunRow Row(string contact, string outcome, string? message, RunStatus status = RunStatus.Completed) => new(
        new RunSummary(Guid.NewGuid(), Guid.NewGuid(), "Welcome", 2, Guid.NewGuid(), status, null, RunWait.None, null,
            new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc), null, null),
        contact, "Web chat", message, Phrase.Of(PhraseCode.Parts, "{0}", outcome));

    [Fact]
    public void Each_run_names_its_contact_outcome_and_first_message()
    {
        var panel = Render<WorkflowRunsPanel>(p => p.Add(x => x.Runs, [Row("Maria Lopez", "Assigned to Ana Agent", "Where is my order?")]));

        var run = panel.Find(".wf-run");
        Assert.Equal("Maria Lopez", run.QuerySelector(".wf-run-contact")!.TextContent);
        Assert.Equal("Assigned to Ana Agent", run.QuerySelector(".wf-run-outcome")!.TextContent);
        Assert.Equal("“Where is my order?”", run.QuerySelector(".wf-run-message")!.TextContent);
        Assert.Contains("Web chat", run.TextContent);
        Assert.Contains("v2", run.TextContent);
    }

    [Fact]
    public void Typing_a_search_asks_the_page_for_it_and_an_empty_result_says_what_was_searched()
    {
        string? asked = null;
        var panel = Render<WorkflowRunsPanel>(p => p
            .Add(x => x.Runs, [])
            .Add(x => x.Search, "zed")
            .Add(x => x.SearchChanged, (string s) => asked = s));

        Assert.Contains("No run matches \"zed\"", panel.Find(".wf-empty").TextContent);
        panel.Find("input").Input("maria");
        panel.WaitForAssertion(() => Assert.Equal("maria", asked));
    }
}
