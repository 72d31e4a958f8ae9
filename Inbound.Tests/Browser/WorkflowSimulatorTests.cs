using System.Text.RegularExpressions;
using Inbound.Domain.Agents;
using Inbound.Tests.Workflows;
using Inbound.Tests.Workflows.Simulator;
using Microsoft.Playwright;
using static Inbound.Tests.Browser.DesignerPage;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

public class WorkflowSimulatorTests(NoWorkflowsBrowserFixture app) : IClassFixture<NoWorkflowsBrowserFixture>
{
    [Fact]
    public async Task An_admin_tests_a_draft_answers_its_question_advances_past_a_timeout_and_sees_the_path_and_the_would_be_assignee()
    {
        await app.SetAvailabilityAsync("ben@inbound.local", AgentAvailability.Online);
        var created = await app.Workflows().CreateBlankAsync("Orders (draft)");
        await app.Workflows().SaveDraftAsync(created.Id, SimulatorSamples.QuestionHoursAndAssignment(await app.TeamIdAsync("Support")));
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await OpenAsync(page, created.Id);
            await Node(page, "assign").Locator(".wf-node-head").ClickAsync();
            await Expect(page.Locator("input[data-testid=assign-skills]")).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "designer-assign-settings");
            await page.GetByTestId("test-draft").ClickAsync();
            var simulator = page.GetByTestId("simulator");
            await simulator.Locator("input[data-testid=sim-first-message]").FillAsync("Hi, my parcel has not arrived");
            await simulator.GetByTestId("sim-start").ClickAsync();

            var thread = simulator.GetByTestId("sim-thread");
            await Expect(thread.GetByText("What is your order number?")).ToBeVisibleAsync();
            await Expect(Node(page, "ask-order")).ToHaveClassAsync(new Regex("(^|\\s)visited(\\s|$)"));
            await simulator.Locator("input[data-testid=sim-input]").FillAsync("A-1234");
            await simulator.GetByTestId("sim-send").ClickAsync();
            await Expect(thread.GetByText("Anything else we should know?")).ToBeVisibleAsync();
            await Expect(simulator.GetByTestId("sim-status")).ToContainTextAsync("Waiting for an answer until");
            await Expect(Node(page, "assign")).Not.ToHaveClassAsync(new Regex("(^|\\s)visited(\\s|$)"));

            await simulator.Locator("input[data-testid=sim-minutes]").FillAsync("15");
            await simulator.GetByTestId("sim-advance").ClickAsync();

            await Expect(Node(page, "assign")).ToHaveClassAsync(new Regex("(^|\\s)visited(\\s|$)"));
            await Expect(Node(page, "closed")).ToHaveClassAsync(new Regex("not-visited"));
            await Expect(Node(page, "ask-more").Locator(".wf-outcome[data-outcome='timeout']")).ToHaveClassAsync(new Regex("taken"));
            var assignment = simulator.GetByTestId("sim-assignment");
            await Expect(assignment).ToContainTextAsync("Would be assigned to Ben Agent");
            await Expect(assignment.Locator("[data-testid=assignment-candidate][data-verdict=Chosen]")).ToContainTextAsync("Ben Agent: chosen");
            await Expect(assignment.Locator("[data-testid=assignment-candidate]", new() { HasText = "Carla Agent" })).ToContainTextAsync("offline");
            await Expect(simulator.GetByTestId("sim-status")).ToContainTextAsync("The run ended");
            await Chromium.ScreenshotAsync(page, "designer-simulator");
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "designer-simulator-last");
            await page.Context.CloseAsync();
        }
    }
}
