using System.Net;
using System.Text.RegularExpressions;
using Inbound.Domain.Conversations;
using Inbound.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

public class ContactPagesTests(NoWorkflowsBrowserFixture app) : IClassFixture<NoWorkflowsBrowserFixture>
{
    [Fact]
    public async Task An_agent_finds_a_contact_by_a_field_value_edits_it_and_writes_to_them_first()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        await (await admin.Http().PutAsJsonAsync("api/admin/contact-fields", new { key = "Seats", label = "Seats", type = "Number" })).JsonAsync(HttpStatusCode.OK);
        var opened = await new ChannelClient(app.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", "+4930123456", "Hi", "Greta Garbo");
        await (await admin.Http().PostAsJsonAsync($"api/inbox/conversations/{opened.ConversationId}/close", new { category = "Resolved", summary = "Done" })).JsonAsync(HttpStatusCode.NoContent);
        var contactId = await app.QueryAsync(db => db.Conversations.Where(c => c.Id == opened.ConversationId).Select(c => c.ContactId).SingleAsync());
        await (await admin.Http().PutAsJsonAsync($"api/admin/contacts/{contactId}", new { fields = new Dictionary<string, string> { ["Company"] = "Silent Films Ltd" } })).JsonAsync(HttpStatusCode.OK);

        var page = await app.SignInAsync("ana@inbound.local", "contacts");
        try
        {
            await page.Locator("#contact-search").FillAsync("silent films");
            var row = page.Locator("[data-testid=contacts-table] tbody tr", new() { HasText = "Greta Garbo" });
            await Expect(row).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "contacts");
            await row.GetByRole(AriaRole.Link, new() { Name = "Greta Garbo" }).ClickAsync();
            await Expect(page.GetByTestId("contact-name")).ToHaveTextAsync("Greta Garbo");
            await Expect(page.GetByTestId("contact-identity")).ToContainTextAsync("+4930123456");
            await Expect(page.GetByTestId("contact-timeline")).ToContainTextAsync("closed as Resolved");

            // A number field refuses words, and says which field.
            await page.Locator("#field-Seats").FillAsync("a dozen");
            await page.GetByTestId("contact-save").ClickAsync();
            await Expect(page.GetByTestId("contact-edit-error")).ToHaveTextAsync("Seats must be a number.");
            await page.Locator("#field-Seats").FillAsync("12");
            await page.Locator("#contact-new-tag").FillAsync("film");
            await page.GetByTestId("contact-save").ClickAsync();
            await Expect(page.GetByText("Contact saved.")).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "contact");

            await page.Locator("#start-conversation-text").FillAsync("Hello Greta, your seats are confirmed.");
            await page.GetByTestId("start-conversation-send").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/inbox/[0-9a-f-]{36}$"));
            await Expect(page.Locator("[data-testid=outbound]", new() { HasText = "your seats are confirmed" })).ToBeVisibleAsync();

            var stored = await app.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == contactId));
            Assert.Equal("12", stored.GetField("Seats"));
            Assert.Contains("film", stored.Tags);
            var started = await app.QueryAsync(db => db.Conversations.SingleAsync(c => c.ContactId == contactId && c.Status == ConversationStatus.Open));
            Assert.Equal(ConversationSource.User, started.Source);

            await page.SetViewportSizeAsync(390, 844);
            await BrowserFixture.OpenAsync(page, $"contacts/{contactId}");
            await Expect(page.GetByTestId("contact-name")).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "contact-phone");
        }
        catch
        {
            await Chromium.ScreenshotAsync(page, "failure-contacts");
            throw;
        }
    }
}
