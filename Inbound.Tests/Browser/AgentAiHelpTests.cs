using Inbound.Domain.Conversations;
using Inbound.Tests.Ai;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>The browser fixture without the demo workflow, with AI on against its own fake OpenAI-compatible server.</summary>
public sealed class AiBrowserFixture : BrowserFixture
{
    public const string SuggestedReply = "Great choice! I can set up the annual plan for you today.";
    public const string DraftedSummary = "The contact asked for the annual plan; the agent set it up.";

    public FakeOpenAiServer Ai { get; private set; } = null!;

    public AiBrowserFixture()
    {
        With("Seed:DemoWorkflow", "false");
        With("Ai:Enabled", "true");
        With("Ai:Model", "fake-chat");
        With("Ai:ApiKey", "sk-test");
    }

    public override async Task InitializeAsync()
    {
        Ai = await FakeOpenAiServer.StartAsync();
        Ai.Answer(m => m.Contains("next reply", StringComparison.Ordinal), SuggestedReply)
            .Answer(m => m.Contains("summarize", StringComparison.Ordinal), DraftedSummary);
        With("Ai:BaseUrl", Ai.BaseUrl);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Ai is not null) await Ai.DisposeAsync();
    }
}

/// <summary>An agent's AI help in the browser: a suggested reply to edit and send, and a closing summary drafted.</summary>
public class AgentAiHelpTests(AiBrowserFixture app) : IClassFixture<AiBrowserFixture>
{
    private readonly Conversations _conversations = new(app);

    [Fact]
    public async Task An_agent_edits_a_suggested_reply_sends_it_and_closes_with_the_drafted_summary()
    {
        var visitorName = $"Vera {Guid.NewGuid():N}"[..13];
        var agent = await app.SignInAsync("ana@inbound.local", "/inbox");
        var visitor = await app.NewPageAsync(420, 720);
        try
        {
            await visitor.GotoAsync(new Uri(app.BaseAddress, "chat").ToString());
            var input = visitor.Locator("[data-testid=webchat-input]");
            await Expect(input).ToBeEnabledAsync();
            await visitor.Locator("[data-testid=webchat-name]").FillAsync(visitorName);
            await input.FillAsync("I'd like the annual plan, write to vera@example.com");
            await visitor.Locator("[data-testid=webchat-send]").ClickAsync();
            var id = await AssignToAnaAsync(visitorName);

            await agent.Locator($"[data-testid=conversation-item]:has-text('{visitorName}')").ClickAsync();
            await Expect(agent.Locator("[data-testid=inbound]", new() { HasText = "annual plan" })).ToBeVisibleAsync();

            // The suggestion lands in the composer, marked, and nothing reaches the contact on its own.
            await agent.Locator("[data-testid=suggest-reply]").ClickAsync();
            var composer = agent.Locator("textarea[data-testid=composer-input]");
            await Expect(composer).ToHaveValueAsync(AiBrowserFixture.SuggestedReply);
            await Expect(agent.Locator(".inbox-composer [data-testid=ai-written]")).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(agent, "inbox-ai-suggestion");
            await agent.SetViewportSizeAsync(390, 844);
            await Expect(composer).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(agent, "inbox-ai-suggestion-phone");
            await agent.SetViewportSizeAsync(1440, 900);
            Assert.DoesNotContain("vera@example.com", app.Ai.ChatRequests[^1].Body);
            await Expect(visitor.Locator("[data-testid=reply]")).ToHaveCountAsync(0);

            await composer.FillAsync(AiBrowserFixture.SuggestedReply + " Monthly or yearly billing?");
            await Expect(agent.Locator(".inbox-composer [data-testid=ai-written]")).ToHaveCountAsync(0);
            await agent.Locator("[data-testid=send]").ClickAsync();
            await Expect(visitor.Locator("[data-testid=reply]", new() { HasText = "I can set up the annual plan for you today. Monthly or yearly billing?" }))
                .ToBeVisibleAsync();

            // The close dialog opens with the model's summary in it; saved unchanged, the note says so.
            await agent.Locator("[data-testid=close]").ClickAsync();
            await Expect(agent.Locator("textarea[data-testid=close-summary]")).ToHaveValueAsync(AiBrowserFixture.DraftedSummary);
            await Expect(agent.Locator("[data-testid=close-dialog] [data-testid=ai-written]")).ToBeVisibleAsync();
            await agent.Locator("[data-testid=close-category]").GetByRole(AriaRole.Radio, new() { Name = "Sale" }).CheckAsync();
            await Chromium.ScreenshotAsync(agent, "inbox-ai-close-dialog");
            await agent.Locator("[data-testid=close-confirm]").ClickAsync();
            await Expect(agent.Locator("[data-testid=closing-note]")).ToContainTextAsync(AiBrowserFixture.DraftedSummary);
            var note = await app.QueryAsync(db => db.Conversations.AsNoTracking().Where(c => c.Id == id).Select(c => c.ClosingNote).SingleAsync());
            Assert.True(note!.AiWritten);
        }
        catch
        {
            await Chromium.ScreenshotAsync(agent, "failure-ai-agent");
            await Chromium.ScreenshotAsync(visitor, "failure-ai-visitor");
            throw;
        }
    }

    /// <summary>Assigns the visitor's open conversation to Ana as the workflow engine would.</summary>
    private async Task<Guid> AssignToAnaAsync(string visitorName)
    {
        var id = (await Eventually.GetAsync<Guid?>(() => app.QueryAsync(db => (
            from c in db.Conversations
            join contact in db.Contacts on c.ContactId equals contact.Id
            where contact.Name == visitorName && c.Status == ConversationStatus.Open
            select (Guid?)c.Id).SingleOrDefaultAsync()), $"an open conversation for {visitorName}", TimeSpan.FromSeconds(15)))!.Value;
        var ana = await app.QueryAsync(db => db.Agents.Where(a => a.Email == "ana@inbound.local").Select(a => a.Id).SingleAsync());
        await _conversations.AssignAsync(id, ana, await _conversations.TeamIdAsync("Sales"));
        return id;
    }
}
