using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>Agents and a supervisor at work while other contacts keep writing.</summary>
public class LiveInboxUnderLoadTests(NoWorkflowsBrowserFixture app) : IClassFixture<NoWorkflowsBrowserFixture>
{
    private const int BackgroundContacts = 20;
    private const int Probes = 5;
    private readonly Conversations _conversations = new(app);

    [Fact]
    public async Task With_a_supervisor_watching_all_and_contacts_writing_a_probe_message_reaches_the_agents_open_thread_and_the_supervisors_list()
    {
        var sales = await _conversations.TeamIdAsync("Sales");
        var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var channel = new ChannelClient(app.CreateHttpClient());
        var probeContact = $"probe-{Guid.NewGuid():N}";
        var probe = (await channel.SendOkAsync($"m-{Guid.NewGuid():N}", probeContact, "Hello from the probe", "Petra Probe")).ConversationId;
        await _conversations.AssignAsync(probe, ana.AgentId, sales);
        var background = new List<string>();
        for (var i = 0; i < BackgroundContacts; i++)
        {
            var contact = $"bg-{i}-{Guid.NewGuid():N}";
            var opened = await channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, "Hi", $"Background {i:00}");
            await _conversations.RouteAsync(opened.ConversationId, sales);
            background.Add(contact);
        }

        var agent = await app.SignInAsync("ana@inbound.local", $"/inbox/{probe}");
        var supervisor = await app.SignInAsync("supervisor@inbound.local", "/inbox");
        // Tall enough that the whole list (the probe and twenty busier contacts) is in view: the list renders only the
        // rows in view, and the probe's row sinks below them as the others write, which this test is not about.
        await supervisor.SetViewportSizeAsync(1440, 2800);
        await UntilShown.ClickAsync(supervisor.Locator("[data-testid=filters]").GetByText("All"), supervisor.Locator("[data-testid=conversation-item]", new() { HasText = "Background" }).First);

        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            // About 100 messages a second from the other contacts, until the probes are through.
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                await Task.WhenAll(Enumerable.Range(0, 10).Select(k =>
                    channel.SendOkAsync($"m-{Guid.NewGuid():N}", background[(n * 10 + k) % background.Count], $"Background message {n}-{k}")));
                await Task.Delay(100);
            }
        });
        try
        {
            for (var i = 0; i < Probes; i++)
            {
                var text = $"Probe {i} {Guid.NewGuid():N}"[..16];
                await channel.SendOkAsync($"m-{Guid.NewGuid():N}", probeContact, text);
                // Delivery is what this asserts; latency to the DOM is measured by the benchmark (`--pages`), so the wait
                // allows for a CI machine whose 2 cores also run the background load, the server and three pages.
                await Expect(agent.Locator("[data-testid=inbound]", new() { HasText = text })).ToBeVisibleAsync(new() { Timeout = 15_000 });
                await Expect(supervisor.Locator("[data-testid=conversation-item]", new() { HasText = "Petra Probe" })).ToContainTextAsync(text, new() { Timeout = 15_000 });
            }
            await Chromium.ScreenshotAsync(supervisor, "inbox-supervisor-under-load");
        }
        finally
        {
            await stop.CancelAsync();
            await load;
        }
    }
}
