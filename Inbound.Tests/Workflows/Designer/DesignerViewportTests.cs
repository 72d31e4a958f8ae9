using Blazor.Diagrams;
using Blazor.Diagrams.Core.Geometry;
using Inbound.Domain.Workflows;
using Inbound.Web.Workflows.Designer;

namespace Inbound.Tests.Workflows.Designer;

/// <summary>What the canvas shows, computed without a browser: a canvas of 1000×600 pixels.</summary>
public class DesignerViewportTests
{
    private readonly BlazorDiagram _diagram = new();
    private readonly DesignerViewport _viewport;

    public DesignerViewportTests()
    {
        _diagram.SetContainer(new Rectangle(0, 0, 1000, 600));
        _viewport = new DesignerViewport(_diagram);
    }

    private StepNodeModel Add(WorkflowNode step, double width = 240, double height = 200)
    {
        var node = new StepNodeModel(step) { Size = new Size(width, height) };
        _diagram.Nodes.Add(node);
        return node;
    }

    /// <summary>Where a node shows on the canvas, in screen pixels.</summary>
    private Rectangle OnScreen(StepNodeModel node) => new(
        _diagram.Pan.X + node.Position.X * _diagram.Zoom, _diagram.Pan.Y + node.Position.Y * _diagram.Zoom,
        _diagram.Pan.X + (node.Position.X + node.Size!.Width) * _diagram.Zoom, _diagram.Pan.Y + (node.Position.Y + node.Size.Height) * _diagram.Zoom);

    [Fact]
    public void A_workflow_wider_than_the_canvas_opens_at_100_percent_with_its_trigger_in_view_and_no_empty_canvas_left_of_it()
    {
        var trigger = Add(new ConversationOpenedTrigger { Id = "trigger", X = 40, Y = 300 });
        foreach (var (id, x, y) in new[] { ("a", 340, 260), ("b", 940, 300), ("c", 1860, 300) })
            Add(new SendMessageStep { Id = id, X = x, Y = y });

        _viewport.Open();

        Assert.Equal(1, _diagram.Zoom);
        var shown = OnScreen(trigger);
        Assert.InRange(shown.Left, 0, 100);
        Assert.InRange(shown.Top + shown.Height / 2, 250, 350);
    }

    [Fact]
    public void A_workflow_that_fits_at_a_readable_zoom_opens_whole()
    {
        var trigger = Add(new ConversationOpenedTrigger { Id = "trigger", X = 0, Y = 0 });
        var end = Add(new EndStep { Id = "end", X = 400, Y = 0 });

        _viewport.Open();

        Assert.Equal(1, _diagram.Zoom);
        Assert.True(OnScreen(trigger).Left > 0 && OnScreen(end).Right < 1000);
    }

    [Theory]
    [InlineData(1, 1.4)]
    [InlineData(0.7, 1)]
    [InlineData(0.36, 0.5)]
    [InlineData(2, 2)]
    public void Zooming_in_goes_to_the_next_step_of_a_ladder_of_equal_ratios(double from, double to) =>
        Assert.Equal(to, DesignerViewport.StepUp(from));

    [Theory]
    [InlineData(1, 0.7)]
    [InlineData(0.36, 0.35)]
    [InlineData(0.25, 0.2)]
    public void Zooming_out_goes_to_the_step_below_and_at_the_bottom_to_the_minimum(double from, double to) =>
        Assert.Equal(to, DesignerViewport.StepDown(from, minimum: 0.2));

    [Fact]
    public void Zooming_around_a_point_keeps_what_is_under_it_in_place()
    {
        var node = Add(new SendMessageStep { Id = "m", X = 300, Y = 200 });
        var before = OnScreen(node);

        _viewport.ZoomAround(1.4, before.Left, before.Top);

        Assert.Equal(1.4, _diagram.Zoom);
        Assert.Equal(before.Left, OnScreen(node).Left, 6);
        Assert.Equal(before.Top, OnScreen(node).Top, 6);
    }

    [Fact]
    public void A_step_under_the_settings_panel_is_panned_beside_it_and_one_in_the_clear_stays_put()
    {
        var covered = Add(new SendMessageStep { Id = "covered", X = 760, Y = 100 });
        var clear = Add(new SendMessageStep { Id = "clear", X = 100, Y = 100 });

        _viewport.Reveal(clear, DesignerViewport.SettingsPanelWidth);
        Assert.Equal(Point.Zero, _diagram.Pan);

        _viewport.Reveal(covered, DesignerViewport.SettingsPanelWidth);
        var shown = OnScreen(covered);
        Assert.True(shown.Right <= 1000 - DesignerViewport.SettingsPanelWidth, $"The step ends at {shown.Right}.");
        Assert.True(shown.Left >= 0);
        Assert.Equal(0, _diagram.Pan.Y);
    }

    [Fact]
    public void Links_snap_to_a_port_within_the_same_distance_on_screen_at_any_zoom()
    {
        _diagram.SetZoom(0.5);
        Assert.Equal(DesignerViewport.SnapDistance / 0.5, _diagram.Options.Links.SnappingRadius);
        _diagram.SetZoom(2);
        Assert.Equal(DesignerViewport.SnapDistance / 2, _diagram.Options.Links.SnappingRadius);
    }
}
