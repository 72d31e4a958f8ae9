using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>A Thai admin's users page and a contact's page, on a desk and on a phone.</summary>
public class ThaiContactAndUsersPagesTests(ThaiBrowserFixture app) : IClassFixture<ThaiBrowserFixture>
{
    [Fact]
    public async Task A_thai_admin_reads_the_users_page_and_a_contacts_page_in_thai()
    {
        var page = await app.SignInAsync("admin@inbound.local", "/settings/users");
        try
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ผู้ใช้", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "แก้ไขทักษะของ Ana Agent" })).ToBeVisibleAsync();
            await Expect(page.Locator("table thead")).ToContainTextAsync("จำนวนที่รับได้");
            await Expect(page.Locator("[data-testid=availability]")).ToHaveTextAsync("ออฟไลน์");
            await Chromium.ScreenshotAsync(page, "users-th");

            await BrowserFixture.OpenAsync(page, "/contacts");
            await page.Locator("[data-testid=contacts-table] tbody a").First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ข้อมูลส่วนตัว", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "รวมผู้ติดต่อที่ซ้ำกัน", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("contact-save")).ToHaveTextAsync("บันทึก");
            await Chromium.ScreenshotAsync(page, "contact-th");
            await page.SetViewportSizeAsync(390, 844);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, "contact-th-390.png"), FullPage = true });
        }
        catch
        {
            await Chromium.ScreenshotAsync(page, "failure-thai-contact-users");
            throw;
        }
    }
}
