using Blazor.Diagrams.Core.Geometry;
using Inbound.Domain.Workflows;
using Inbound.Web.Workflows.Designer;

namespace Inbound.Tests.Workflows.Designer;

public class StepPlacementTests
{
    private static StepNodeModel Node(WorkflowNode step) => new(step) { Size = new Size(240, 200) };

    [Fact]
    public void A_step_goes_right_of_the_selected_one_with_room_for_a_link()
    {
        var trigger = Node(new ConversationOpenedTrigger { Id = "trigger", X = 40, Y = 300 });

        var spot = StepPlacement.Beside(trigger, [trigger]);

        Assert.Equal(40 + 240 + StepPlacement.Gap, spot.X);
        Assert.Equal(300, spot.Y);
    }

    [Fact]
    public void A_step_already_there_pushes_the_new_one_below_it()
    {
        var trigger = Node(new ConversationOpenedTrigger { Id = "trigger", X = 40, Y = 300 });
        var next = Node(new SendMessageStep { Id = "next", X = 340, Y = 260 });

        var spot = StepPlacement.Beside(trigger, [trigger, next]);

        Assert.True(spot.Y >= 260 + 200, $"The new step at {spot.Y} would cover the next one.");
        Assert.Equal(40 + 240 + StepPlacement.Gap, spot.X);
    }

    [Fact]
    public void The_middle_of_the_view_on_top_of_the_trigger_moves_below_it()
    {
        var trigger = Node(new ConversationOpenedTrigger { Id = "trigger", X = 100, Y = 100 });

        var spot = StepPlacement.FreeSpot(new Point(120, 120), [trigger]);

        Assert.Equal(120, spot.X);
        Assert.True(spot.Y >= 300);
    }
}
