using System.Text.RegularExpressions;
using Inbound.Domain.Conversations;
using Inbound.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser.Accessibility;

/// <summary>
/// A Thai-speaking agent on a phone (390×844, the UI in Thai through the culture cookie) works a conversation with the
/// keyboard alone: no click from the moment the inbox is open.
/// </summary>
public class PhoneKeyboardInboxTests(AccessibilityFixture app) : IClassFixture<AccessibilityFixture>
{
    private const string Ana = "ana@inbound.local";
    private readonly Conversations _conversations = new(app);

    [Fact]
    public async Task A_thai_agent_on_a_phone_opens_replies_and_closes_a_conversation_with_the_keyboard_alone()
    {
        var contact = $"สมหญิง {Guid.NewGuid():N}"[..12];
        var id = await _conversations.OpenAsync(contact, "สวัสดีค่ะ ขอเปลี่ยนที่อยู่จัดส่งได้ไหมคะ");
        await _conversations.AssignAsync(id, await app.AgentIdAsync(Ana), await _conversations.TeamIdAsync("Support"));
        var page = await app.PageAsync(Ana, AccessibilityFixture.Thai, 390, 844);
        try
        {
            await BrowserFixture.OpenAsync(page, "/inbox");
            var item = page.Locator("[data-testid=conversation-item]", new() { HasText = contact });
            await Expect(item).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "phone-inbox-list-th");

            // j moves through the list; the newest conversation is first.
            await page.Keyboard.PressAsync("j");
            await Expect(item).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex($"inbox/{id}$"));
            // The thread is its own screen: the list has gone, the back button is there.
            await Expect(page.Locator("[data-testid=thread-title]")).ToHaveTextAsync(contact);
            await Expect(item).ToBeHiddenAsync();
            await Expect(page.Locator("[data-testid=back]")).ToBeVisibleAsync();

            // r: the composer, in reply mode; Ctrl+Enter sends.
            await page.Keyboard.PressAsync("r");
            var composer = page.Locator("textarea[data-testid=composer-input]");
            await Expect(composer).ToBeFocusedAsync();
            await page.Keyboard.InsertTextAsync("ได้เลยค่ะ กรุณาแจ้งที่อยู่ใหม่");
            await page.Keyboard.PressAsync("Control+Enter");
            await Expect(page.Locator("[data-testid=outbound]", new() { HasText = "กรุณาแจ้งที่อยู่ใหม่" })).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "phone-inbox-thread-th");

            // n: the same composer as an internal note.
            await page.Keyboard.PressAsync("Escape");
            await page.Keyboard.PressAsync("n");
            await Expect(composer).ToBeFocusedAsync();
            await page.Keyboard.InsertTextAsync("ลูกค้าย้ายบ้าน");
            await page.Keyboard.PressAsync("Control+Enter");
            await Expect(page.Locator("[data-testid=note]", new() { HasText = "ลูกค้าย้ายบ้าน" })).ToBeVisibleAsync();

            // c: the close dialog, worked with Tab, the arrow keys and Enter.
            await page.Keyboard.PressAsync("Escape");
            await page.Keyboard.PressAsync("c");
            var dialog = page.Locator("[data-testid=close-dialog]");
            await Expect(dialog).ToBeVisibleAsync();
            await PickCategoryAsync(page, "Resolved");
            var summary = page.Locator("textarea[data-testid=close-summary]");
            for (var tabs = 0; tabs < 12 && !await summary.EvaluateAsync<bool>("t => t === document.activeElement"); tabs++)
                await page.Keyboard.PressAsync("Tab");
            await Expect(summary).ToBeFocusedAsync();
            await page.Keyboard.InsertTextAsync("เปลี่ยนที่อยู่จัดส่งแล้ว");
            await page.Keyboard.PressAsync("Control+Enter");
            await Expect(page.Locator("[data-testid=closing-note]")).ToContainTextAsync("เปลี่ยนที่อยู่จัดส่งแล้ว");
            var closed = await app.QueryAsync(db => db.Conversations.SingleAsync(c => c.Id == id));
            Assert.Equal((ConversationStatus.Closed, "Resolved"), (closed.Status, closed.ClosingNote!.Category));

            // The browser's back button returns to the list screen.
            await page.GoBackAsync();
            await Expect(page).ToHaveURLAsync(new Regex("inbox$"));
            await Expect(page.Locator("[data-testid=thread-title]")).ToBeHiddenAsync();
            await Expect(page.Locator("[data-testid=filters]")).ToBeVisibleAsync();
        }
        catch
        {
            await Chromium.ScreenshotAsync(page, "failure-phone-keyboard");
            throw;
        }
    }

    [Fact]
    public async Task On_a_phone_the_contact_is_a_screen_of_its_own_with_a_way_back()
    {
        var contact = $"Preecha {Guid.NewGuid():N}"[..14];
        var id = await _conversations.OpenAsync(contact, "ขอใบกำกับภาษีด้วยครับ");
        await _conversations.AssignAsync(id, await app.AgentIdAsync(Ana), await _conversations.TeamIdAsync("Billing"));
        var page = await app.PageAsync(Ana, AccessibilityFixture.Thai, 390, 844);
        try
        {
            await BrowserFixture.OpenAsync(page, $"/inbox/{id}");
            await Expect(page.Locator("[data-testid=thread-title]")).ToHaveTextAsync(contact);
            await Expect(page.Locator("[data-testid=contact-name]")).ToBeHiddenAsync();

            await page.Locator("[data-testid=show-contact]").ClickAsync();
            await Expect(page.Locator("[data-testid=contact-name]")).ToHaveTextAsync(contact);
            await Expect(page.Locator("[data-testid=thread-title]")).ToBeHiddenAsync();
            await Chromium.ScreenshotAsync(page, "phone-inbox-contact-th");

            await page.Locator("[data-testid=contact-back]").ClickAsync();
            await Expect(page.Locator("[data-testid=thread-title]")).ToBeVisibleAsync();
            await page.Locator("[data-testid=back]").ClickAsync();
            await Expect(page.Locator("[data-testid=filters]")).ToBeVisibleAsync();
        }
        catch
        {
            await Chromium.ScreenshotAsync(page, "failure-phone-contact");
            throw;
        }
    }

    [Fact]
    public async Task The_dark_theme_is_picked_in_the_app_bar_and_kept_for_the_next_visit()
    {
        var id = await _conversations.OpenAsync("Dara Dark", "Can I pay by bank transfer?");
        await _conversations.AssignAsync(id, await app.AgentIdAsync(Ana), await _conversations.TeamIdAsync("Billing"));
        var page = await app.PageAsync(Ana, AccessibilityFixture.English);
        await BrowserFixture.OpenAsync(page, $"/inbox/{id}");
        var background = () => page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.inbox-thread-header')).backgroundColor");
        var light = await background();

        await UntilShown.ClickAsync(page.Locator("[data-testid=theme-switch] button"), page.Locator("[data-testid=theme-dark]"));
        await page.Locator("[data-testid=theme-dark]").ClickAsync();
        await Expect(page.Locator("[data-testid=theme-switch] button")).ToHaveAttributeAsync("aria-label", new Regex("Dark"));
        Assert.NotEqual(light, await background());
        await Chromium.ScreenshotAsync(page, "dark-inbox");

        await BrowserFixture.OpenAsync(page, "/");
        await Expect(page.Locator("[data-testid=theme-switch] button")).ToHaveAttributeAsync("aria-label", new Regex("Dark"));
        await Chromium.ScreenshotAsync(page, "dark-overview");
        Assert.Empty(await AccessibilityFixture.SeriousViolationsAsync(page));

        // The availability menu opens from the keyboard too: its button takes focus and Enter.
        await page.Locator("[data-testid=appbar-user]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-popover-open").GetByText("Online", new() { Exact = true })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        // Back to following the system, for the other tests sharing this signed-in page.
        await UntilShown.ClickAsync(page.Locator("[data-testid=theme-switch] button"), page.Locator("[data-testid=theme-system]"));
        await page.Locator("[data-testid=theme-system]").ClickAsync();
    }

    /// <summary>From the dialog's start (focus on its first category): Tab to the category, Space to pick it.</summary>
    private static async Task PickCategoryAsync(IPage page, string category)
    {
        var choice = page.Locator("[data-testid=close-dialog] [data-testid=close-category]").GetByRole(AriaRole.Radio, new() { Name = category });
        for (var tabs = 0; tabs < 12 && !await choice.EvaluateAsync<bool>("r => r === document.activeElement"); tabs++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await Expect(choice).ToBeCheckedAsync();
    }
}
