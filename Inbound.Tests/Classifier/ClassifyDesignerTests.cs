using Bunit;
using Inbound.Domain.Workflows;
using Inbound.Tests.Workflows.Designer;
using Inbound.Web.Classifier;
using Inbound.Web.Workflows.Designer;
using Inbound.Web.Workflows.Designer.Nodes;
using Inbound.Web.Workflows.Designer.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Classifier;

public sealed class ClassifyDesignerTests : DesignerTestBase
{
    private sealed class Approved(IReadOnlyList<string>? labels) : IApprovedClassifier
    {
        public Task<IReadOnlyList<string>?> ApprovedLabelsAsync(CancellationToken ct = default) => Task.FromResult(labels);
    }

    private int _changes;

    private IRenderedComponent<ClassifySettings> RenderSettings(ClassifyStep step, IReadOnlyList<string>? approved)
    {
        Services.AddSingleton<IApprovedClassifier>(new Approved(approved));
        return Render<ClassifySettings>(p => p.Add(x => x.Step, step).Add(x => x.Changed, EventCallback.Factory.Create(this, () => _changes++)));
    }

    [Fact]
    public void A_new_step_takes_the_approved_models_labels_and_gets_a_port_for_each_plus_unsure()
    {
        var step = (ClassifyStep)NodeCatalog.Create(NodeKind.Classify, "classify");
        var panel = RenderSettings(step, ["Billing", "Sales", "Support"]);

        panel.Find("[data-testid=classify-take-labels]").Click();

        Assert.Equal(["Billing", "Sales", "Support"], step.Labels);
        Assert.Equal(["label:Billing", "label:Sales", "label:Support", "unsure"], step.Outcomes().Select(o => o.Key));
        Assert.Equal(1, _changes);
        Assert.Empty(panel.FindAll("[data-testid=classify-take-labels]"));
    }

    [Fact]
    public void Without_an_approved_model_the_settings_point_to_the_classifier_page()
    {
        var panel = RenderSettings(new ClassifyStep { Id = "classify" }, approved: null);

        var warning = panel.Find("[data-testid=classify-no-model]");
        Assert.Contains("No classifier model is approved", warning.TextContent);
        Assert.Equal("settings/classifier", warning.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void The_step_can_set_its_own_confidence_or_fall_back_to_the_pages()
    {
        var step = new ClassifyStep { Id = "classify", Labels = ["Sales", "Support"] };
        var panel = RenderSettings(step, ["Sales", "Support"]);
        Assert.Contains("Uses the confidence set on the classifier page", panel.Markup);

        panel.Find("input[data-testid=classify-own-threshold]").Change(true);
        Assert.Equal(0.6, step.Threshold);
        panel.Find("input[data-testid=classify-threshold]").Change("75");
        Assert.Equal(0.75, step.Threshold);
    }

    [Fact]
    public void The_card_shows_the_labels_and_when_the_step_is_unsure()
    {
        var step = new ClassifyStep { Id = "classify", Labels = ["Billing", "Support"] };
        var card = RenderNode(new StepNodeModel(step));

        Assert.Equal(["Billing", "Support"], card.FindAll("[data-testid=classify-labels] .wf-chip-text").Select(c => c.TextContent.Trim()));
        Assert.Contains("Unsure below the page's confidence", card.Markup);
    }

    [Fact]
    public void A_model_shows_its_held_out_measure_and_is_approved_only_by_its_button()
    {
        var approved = 0;
        var model = new ModelSummary(Guid.NewGuid(), LabelKind.Team, ["Billing", "Sales"],
            new ClassifierMetrics(0.9, 0.85, [new LabelMetrics("Billing", 1, 0.8, 10), new LabelMetrics("Sales", 0.83, 1, 10)]),
            80, 20, new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc), false, null, null, null);
        var card = Render<ClassifierModelCard>(p => p.Add(x => x.Model, model).Add(x => x.Approve, EventCallback.Factory.Create(this, () => approved++)));

        Assert.Equal("90%", card.Find("[data-testid=classifier-accuracy]").TextContent.Trim().Replace(" ", ""));
        Assert.Equal(["Billing 100% 80% 10", "Sales 83% 100% 10"],
            card.FindAll("[data-testid=classifier-labels] tbody tr").Select(r => string.Join(" ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim().Replace(" ", "")))));
        Assert.Contains("80 trained on · 20 held out", card.Markup);
        Assert.Equal(0, approved);

        card.Find("[data-testid=classifier-approve]").Click();
        Assert.Equal(1, approved);
    }
}
