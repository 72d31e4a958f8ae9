using System.Text.RegularExpressions;
using Inbound.Web.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>
/// Texts built outside the components (step summaries, trigger summaries, durations, channel types) read in Thai on a
/// Thai screen: no English word is left in them except names the admin typed and product names.
/// </summary>
public partial class ThaiDomainTextsTests(ThaiBrowserFixture app) : IClassFixture<ThaiBrowserFixture>
{
    // Seeded names and product names are written the same in every language.
    private static readonly HashSet<string> Allowed =
    [
        "Sales", "Support", "Billing", "Topic", "Europe", "Berlin", "webchat", "api", "vip", "VIP", "Inbound", "conversations", "Mark", "as",
        "WhatsApp", "LINE", "Telegram", "HTTP", "API", "SLA", "CSAT", "UTC", "JSON", "URL",
    ];

    [Fact]
    public async Task A_thai_admin_reads_the_summaries_of_the_workflows_and_their_steps_and_the_channel_types_in_thai()
    {
        var workflow = (await app.Services.GetRequiredService<WorkflowService>().ListAsync()).First(w => w.Name == "Inbound conversations");
        var page = await app.SignInAsync("admin@inbound.local", "/workflows");
        var triggers = page.Locator("td[data-label='ทริกเกอร์']");
        await Expect(triggers.First).ToContainTextAsync("เปิดโดย");
        AssertThai(await triggers.AllInnerTextsAsync());

        await page.GotoAsync($"/workflows/{workflow.Id}");
        await Expect(page.Locator(".wf-designer[data-ready]")).ToBeVisibleAsync();
        var summaries = page.Locator(".wf-node-summary");
        await Expect(summaries.First).ToBeVisibleAsync();
        var texts = await summaries.AllInnerTextsAsync();
        Assert.Contains(texts, t => t.StartsWith("มอบหมายให้"));
        AssertThai(texts);
        AssertThai(await page.Locator(".wf-node-body .wf-chips").AllInnerTextsAsync());
        await Chromium.ScreenshotAsync(page, "designer-summaries-th");

        await BrowserFixture.OpenAsync(page, "/settings/channels");
        var captions = page.Locator("main .mud-typography-caption");
        await Expect(captions.First).ToContainTextAsync("กำหนดเอง (API)");
        AssertThai(await captions.AllInnerTextsAsync());
        await Chromium.ScreenshotAsync(page, "channels-th");
    }

    private static void AssertThai(IEnumerable<string> texts)
    {
        // A quoted text is what the admin wrote for the contact, shown as written.
        var english = texts.SelectMany(t => Word().Matches(Quoted().Replace(t, "")).Select(m => m.Value)).Where(w => !Allowed.Contains(w)).Distinct().ToList();
        Assert.True(english.Count == 0, $"English left on a Thai screen: {string.Join(", ", english)}\n{string.Join("\n", texts)}");
    }

    [GeneratedRegex("“[^”]*”")]
    private static partial Regex Quoted();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Word();
}
