using Bunit;
using Inbound.Domain.Workflows;
using Inbound.Web.Workflows.History;

namespace Inbound.Tests.Workflows.Designer;

public class VersionDiffViewTests : MudComponentTest
{
    [Fact]
    public void The_diff_lists_added_removed_and_changed_steps_with_their_settings()
    {
        var diff = new WorkflowDiff(
            [new StepChange("wait", "Wait", "Wait", [])],
            [new StepChange("tag", "Add tag", "Add tag", [])],
            [new StepChange("hello", "Greeting", "Send message", ["text"])],
            [new WorkflowEdge("hello", Outcomes.Next, "wait")], []);

        var cut = Render<VersionDiffView>(p => p.Add(x => x.Diff, diff));

        Assert.Contains("+ Wait", cut.Find("[data-testid=diff-added]").TextContent);
        Assert.Contains("− Add tag", cut.Find("[data-testid=diff-removed]").TextContent);
        Assert.Contains("text", cut.Find("[data-testid=diff-changed]").TextContent);
        Assert.Contains("1 added, 0 removed", cut.Find("[data-testid=diff-links]").TextContent);
    }
}
