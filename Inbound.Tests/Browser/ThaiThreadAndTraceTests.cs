using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Inbound.Domain.Agents;
using Inbound.Domain.Workflows;
using Inbound.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Inbound.Tests.Browser.DesignerPage;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>
/// What the system writes in a thread and a run's trace, read in Thai: the note left when a conversation is handed on
/// from an agent who went away, the trace's "Reassigned", why a draft's run ended in the simulator, and why the
/// queue's supervisor could not hand a conversation to an agent.
/// </summary>
public class ThaiThreadAndTraceTests(ThaiNoWorkflowsBrowserFixture app) : IClassFixture<ThaiNoWorkflowsBrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 20_000 };

    [Fact]
    public async Task A_thai_agent_on_a_phone_reads_why_the_conversation_came_to_them_and_the_admin_reads_the_trace_in_thai()
    {
        await app.SetAvailabilityAsync("ben@inbound.local", AgentAvailability.Online);
        await app.SetAvailabilityAsync("carla@inbound.local", AgentAvailability.Online);
        var workflow = await app.PublishAsync("ส่งต่อเมื่อไม่อยู่", new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger", X = 40, Y = 200 })
            .Add(new AssignToStep { Id = "assign", TeamId = await app.TeamIdAsync("Support"), QueueWhenNobodyAvailable = true, ReassignWhenAgentLeaves = true, X = 340, Y = 200 })
            .Add(new EndStep { Id = "end", X = 640, Y = 200 })
            .Connect("trigger", Outcomes.Next, "assign")
            .Connect("assign", Outcomes.Assigned, "end")
            .Connect("assign", Outcomes.NobodyAvailable, "end"));
        var sent = await new ChannelClient(app.CreateHttpClient()).SendOkAsync("th-thread-1", "th-thread-somchai", "สวัสดีครับ พัสดุยังไม่มาถึง", "สมชาย ใจดี");
        var first = (await app.AssignedConversationAsync(sent.ConversationId)).AssigneeId!.Value;
        await app.WatchArmedAsync(sent.ConversationId);
        var (firstName, firstEmail) = await app.QueryAsync(db => db.Agents.Where(a => a.Id == first).Select(a => new ValueTuple<string, string>(a.Name, a.Email)).SingleAsync());
        await using (var leaving = await InboxUser.SignInAsync(app, firstEmail))
            (await leaving.Http().PutAsJsonAsync("api/inbox/me/availability", new { availability = "Away" })).EnsureSuccessStatusCode();
        var second = await Eventually.GetAsync(() => app.QueryAsync(db => db.Conversations
            .Where(c => c.Id == sent.ConversationId && c.AssigneeId != null && c.AssigneeId != first).Select(c => c.AssigneeId).SingleOrDefaultAsync()),
            "the conversation to go to the other agent");
        var secondEmail = await app.QueryAsync(db => db.Agents.Where(a => a.Id == second).Select(a => a.Email).SingleAsync());

        var agent = await app.SignInAsync(secondEmail, "/inbox");
        try
        {
            await agent.SetViewportSizeAsync(390, 844);
            var item = agent.Locator("[data-testid=conversation-item]", new() { HasText = "สมชาย ใจดี" });
            await Expect(item).ToBeVisibleAsync(Slow);
            await item.ClickAsync();

            var entries = agent.Locator("[data-testid=thread-entries]");
            await Expect(entries).ToContainTextAsync("สวัสดีครับ พัสดุยังไม่มาถึง");
            await Expect(entries).ToContainTextAsync($"มอบหมายให้ {firstName} โดยเวิร์กโฟลว์");
            await Expect(entries).ToContainTextAsync($"{firstName} ไม่อยู่แล้ว จึงมอบหมายใหม่");
            await Expect(entries).Not.ToContainTextAsync(new Regex("Assigned to|reassigned|by workflow"));
            await Chromium.ScreenshotAsync(agent, "thread-reassigned-th-390");
        }
        catch
        {
            await Chromium.ScreenshotAsync(agent, "failure-thread-reassigned-th");
            throw;
        }
        finally
        {
            await agent.Context.CloseAsync();
        }

        var admin = await app.SignInAsync("admin@inbound.local", "/workflows");
        try
        {
            await OpenAsync(admin, workflow);
            await admin.GetByRole(AriaRole.Tab, new() { Name = "การทำงาน" }).ClickAsync();
            await admin.Locator(".wf-run", new() { HasText = "สมชาย ใจดี" }).ClickAsync();
            var titles = admin.GetByTestId("settings").GetByTestId("run-step-title");
            await Expect(titles.First).ToHaveTextAsync("มอบหมายใหม่");
            await Expect(admin.GetByTestId("settings").GetByTestId("run-step").Last).ToContainTextAsync($"{firstName} ไม่อยู่แล้ว");
            await Chromium.ScreenshotAsync(admin, "run-trace-reassigned-th");
        }
        catch
        {
            await Chromium.ScreenshotAsync(admin, "failure-run-trace-reassigned-th");
            throw;
        }
        finally
        {
            await admin.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_thai_admin_testing_a_draft_reads_in_thai_after_which_step_its_run_ended()
    {
        var created = await app.Workflows().CreateBlankAsync("คำถามเดียว");
        await app.Workflows().SaveDraftAsync(created.Id, new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger", X = 40, Y = 200 })
            .Add(new AskQuestionStep { Id = "ask", Question = "หมายเลขคำสั่งซื้อของคุณคืออะไร", X = 340, Y = 200 })
            .Connect("trigger", Outcomes.Next, "ask"));
        var page = await app.SignInAsync("admin@inbound.local", "/workflows");
        try
        {
            await OpenAsync(page, created.Id);
            await page.GetByTestId("test-draft").ClickAsync();
            var simulator = page.GetByTestId("simulator");
            await simulator.Locator("input[data-testid=sim-first-message]").FillAsync("สวัสดีค่ะ");
            await simulator.GetByTestId("sim-start").ClickAsync();
            await Expect(simulator.GetByTestId("sim-thread").GetByText("หมายเลขคำสั่งซื้อของคุณคืออะไร")).ToBeVisibleAsync();
            await simulator.Locator("input[data-testid=sim-input]").FillAsync("A-1234");
            await simulator.GetByTestId("sim-send").ClickAsync();

            await Expect(simulator.GetByTestId("sim-status")).ToHaveTextAsync(new Regex("จบหลังขั้นตอน ถามคำถาม: ตอบแล้ว"));
            await Expect(simulator.GetByTestId("sim-status")).Not.ToContainTextAsync(new Regex("Ask|Answered|Ended"));
            await Chromium.ScreenshotAsync(page, "simulator-ended-th");
        }
        catch
        {
            await Chromium.ScreenshotAsync(page, "failure-simulator-ended-th");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_thai_supervisor_assigning_a_waiting_conversation_to_a_full_agent_reads_why_in_thai_and_can_assign_anyway()
    {
        await app.SetCapacityAsync("ana@inbound.local", 1);
        var channel = new ChannelClient(app.CreateHttpClient());
        var first = (await channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}", "สอบถามราคา", "วิไล ศรีสุข")).ConversationId;
        var second = (await channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}", "ขอใบเสนอราคา", "ประเสริฐ มั่นคง")).ConversationId;
        var sales = await app.TeamIdAsync("Sales");
        await using (var admin = await InboxUser.SignInAsync(app, "admin@inbound.local"))
        {
            (await admin.Http().PostAsJsonAsync($"api/inbox/conversations/{first}/reassign", new { agentId = await app.AgentIdAsync("ana@inbound.local") })).EnsureSuccessStatusCode();
            (await admin.Http().PostAsJsonAsync($"api/inbox/conversations/{second}/reassign", new { teamId = sales })).EnsureSuccessStatusCode();
        }
        var page = await app.SignInAsync("supervisor@inbound.local", $"/queues/{sales}");
        try
        {
            var row = page.Locator("[data-testid=waiting-conversation][data-contact='ประเสริฐ มั่นคง']");
            await Expect(row).ToBeVisibleAsync();
            await row.Locator(".queue-actions .mud-menu button").First.ClickAsync();
            await page.Locator(".mud-popover-open").GetByText("Ana Agent (1/1").ClickAsync();

            var refused = page.Locator(".mud-snackbar", new() { HasText = "Ana Agent มีบทสนทนาที่เปิดอยู่ 1 จาก 1 แล้ว" });
            await Expect(refused).ToBeVisibleAsync();
            await Expect(page.Locator(".mud-snackbar")).Not.ToContainTextAsync("open conversations");
            await Expect(row).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "queue-full-agent-th");

            // Knowingly, from the message itself: Ana gets one more, and the conversation leaves the queue.
            await refused.GetByRole(AriaRole.Button, new() { Name = "มอบหมายเกินความจุ" }).ClickAsync();
            await Expect(row).ToHaveCountAsync(0);
            Assert.Equal(await app.AgentIdAsync("ana@inbound.local"), (await app.AssignedConversationAsync(second)).AssigneeId);
        }
        catch
        {
            await Chromium.ScreenshotAsync(page, "failure-queue-full-agent-th");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
