using Inbound.Tests.Channels;
using Inbound.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>A WhatsApp channel whose Cloud API is a fake on loopback and whose customer-service window is already closed.</summary>
public sealed class ClosedWindowWhatsAppBrowserFixture : BrowserFixture
{
    public FakeProvider Graph { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Graph = (await FakeProvider.StartAsync()).ActAsWhatsApp();
        // A window of zero: the contact's message is already more than "24 hours" old.
        this.WithWhatsApp(Graph).With("Seed:DemoWorkflow", "false").With("Channels:WhatsApp:ServiceWindow", "00:00:00");
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Graph.DisposeAsync();
    }
}

/// <summary>An admin adds an approved template to the WhatsApp channel; an agent past the 24-hour window sends it.</summary>
public class WhatsAppTemplateReplyTests(ClosedWindowWhatsAppBrowserFixture app) : IClassFixture<ClosedWindowWhatsAppBrowserFixture>
{
    [Fact]
    public async Task Past_the_window_the_agent_sends_the_channels_approved_template_and_sees_its_text_in_the_thread()
    {
        var admin = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await BrowserFixture.OpenAsync(admin, "/settings/channels");
            var card = admin.Locator("[data-testid=channel-row]", new() { HasText = "WhatsApp" });
            await UntilShown.ClickAsync(card.Locator("[data-testid=edit-channel]"), admin.Locator("[data-testid=template-editor]"));
            await admin.Locator("[data-testid=add-template]").ClickAsync();
            await admin.Locator("input[data-testid=template-name]").FillAsync("order_update");
            await admin.Locator("input[data-testid=template-language]").FillAsync("en_US");
            await admin.Locator("textarea[data-testid=template-body]").FillAsync("Hi {{1}}, your order {{2}} has shipped.");
            await Chromium.ScreenshotAsync(admin, "whatsapp-template-editor");
            await admin.Locator("[data-testid=channel-save]").ClickAsync();
            await Expect(admin.Locator("[data-testid=channel-dialog]")).ToHaveCountAsync(0);
        }
        catch
        {
            await Chromium.ScreenshotAsync(admin, "failure-whatsapp-template-admin");
            throw;
        }

        (await FakeWhatsApp.PostAsync(app.CreateHttpClient(), FakeTelegram.Payload("whatsapp-text.json"))).Dispose();
        var conversation = await Eventually.GetAsync(() => app.QueryAsync(db => db.Conversations.AsNoTracking().FirstOrDefaultAsync()), "the conversation");
        var ana = await app.QueryAsync(db => db.Agents.SingleAsync(a => a.Name == "Ana Agent"));
        await new Conversations(app).AssignAsync(conversation.Id, ana.Id);

        var agent = await app.SignInAsync("ana@inbound.local", $"/inbox/{conversation.Id}");
        try
        {
            await Expect(agent.Locator("[data-testid=window-closed]")).ToContainTextAsync("only allows an approved template");
            await Expect(agent.Locator("[data-testid=composer-input]")).ToHaveCountAsync(0);
            await UntilShown.ClickAsync(agent.Locator("[data-testid=template-choice]", new() { HasText = "order_update" }), agent.Locator("[data-testid=template-preview]"));
            await agent.Locator("input[data-testid=template-value]").Nth(0).FillAsync("Sheena");
            await agent.Locator("input[data-testid=template-value]").Nth(1).FillAsync("#1042");
            await Expect(agent.Locator("[data-testid=template-preview]")).ToHaveTextAsync("Hi Sheena, your order #1042 has shipped.");
            await Chromium.ScreenshotAsync(agent, "whatsapp-template-composer");
            await agent.Locator("[data-testid=send-template]").ClickAsync();

            var sent = await app.Graph.RequestAsync(r => r.Path.EndsWith("/messages") && r.Text.Contains("\"template\""), "the template at the Cloud API");
            Assert.Contains("order_update", sent.Text);
            var reply = agent.Locator("[data-testid=outbound]", new() { HasText = "Hi Sheena, your order #1042 has shipped." });
            await Expect(reply.Locator("[data-testid=delivery]")).ToContainTextAsync("Sent");
            await Chromium.ScreenshotAsync(agent, "whatsapp-template-sent");

            await agent.SetViewportSizeAsync(390, 844);
            await Expect(agent.Locator("[data-testid=window-closed]")).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(agent, "whatsapp-template-composer-phone");
        }
        catch
        {
            await Chromium.ScreenshotAsync(agent, "failure-whatsapp-template-agent");
            throw;
        }
    }
}
