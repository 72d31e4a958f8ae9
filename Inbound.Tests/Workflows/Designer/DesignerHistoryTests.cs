using Inbound.Domain.Workflows;
using Inbound.Web.Workflows.Designer;

namespace Inbound.Tests.Workflows.Designer;

public class DesignerHistoryTests
{
    [Fact]
    public void Undo_goes_back_one_edit_at_a_time_and_redo_comes_forward_again()
    {
        var history = new DesignerHistory();
        var blank = WorkflowDefinition.Blank();
        history.Reset(blank);
        var withMessage = blank.Clone().Add(new SendMessageStep { Id = "m", Text = "Hi" });
        var moved = withMessage.Clone();
        moved.FindNode("m")!.X = 300;

        Assert.True(history.Record(withMessage));
        Assert.True(history.Record(moved));

        Assert.Equal(WorkflowJson.Serialize(withMessage), WorkflowJson.Serialize(history.Undo()!));
        Assert.Equal(WorkflowJson.Serialize(blank), WorkflowJson.Serialize(history.Undo()!));
        Assert.False(history.CanUndo);
        Assert.Equal(WorkflowJson.Serialize(withMessage), WorkflowJson.Serialize(history.Redo()!));
        Assert.Equal(WorkflowJson.Serialize(moved), WorkflowJson.Serialize(history.Redo()!));
        Assert.False(history.CanRedo);
    }

    [Fact]
    public void Recording_the_same_definition_is_not_an_edit_and_a_new_edit_clears_redo()
    {
        var history = new DesignerHistory();
        var blank = WorkflowDefinition.Blank();
        history.Reset(blank);

        Assert.False(history.Record(blank.Clone()));
        history.Record(blank.Clone().Add(new EndStep { Id = "end" }));
        history.Undo();
        history.Record(blank.Clone().Add(new WaitStep { Id = "wait" }));

        Assert.False(history.CanRedo);
        Assert.True(history.CanUndo);
    }
}
