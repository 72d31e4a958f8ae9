using Bunit;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Workflows.Simulator;

namespace Inbound.Tests.Workflows.Simulator;

/// <summary>What the simulator panel shows of an AI step: the answer, its sources, the path it took, or why it failed.</summary>
public class SimulatedAiTraceTests : MudComponentTest
{
    [Fact]
    public void An_answer_shows_its_text_its_sources_and_that_the_step_answered()
    {
        var trace = Render<SimulatedAiTrace>(p => p.Add(x => x.Answers,
            [new SimulatedAiAnswer("ai", "Can I return a scarf?", new AiStepAnswer(AiAnswerKind.Answered, "Within 30 days of delivery.", ["Returns", "Shipping"]), AiOff: false)]));

        var ai = trace.Find("[data-testid=sim-ai]");
        Assert.Equal("answered", ai.GetAttribute("data-outcome"));
        Assert.Contains("AI step: answered", ai.TextContent);
        Assert.Equal("Within 30 days of delivery.", trace.Find("[data-testid=sim-ai-text]").TextContent);
        Assert.Equal("Sources: Returns, Shipping", trace.Find("[data-testid=sim-ai-sources]").TextContent.Trim());
    }

    [Fact]
    public void With_ai_off_it_says_so_plainly_and_that_the_step_failed()
    {
        var trace = Render<SimulatedAiTrace>(p => p.Add(x => x.Answers,
            [new SimulatedAiAnswer("ai", "Can I return a scarf?", AiStepAnswer.Failed("AI is switched off."), AiOff: true)]));

        Assert.Equal("failure", trace.Find("[data-testid=sim-ai]").GetAttribute("data-outcome"));
        Assert.Contains("AI step: failed", trace.Markup);
        Assert.Contains("AI is switched off in the settings", trace.Find("[data-testid=sim-ai-reason]").TextContent);
        Assert.Empty(trace.FindAll("[data-testid=sim-ai-text]"));
    }
}
