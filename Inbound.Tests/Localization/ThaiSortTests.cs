using System.Net;
using Inbound.Tests.Admin;

namespace Inbound.Tests.Localization;

/// <summary>Contact names in Thai order through the real contacts endpoint (SQLite, or PostgreSQL when the suite runs on it).</summary>
public class ThaiSortTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private readonly Conversations _conversations = new(app);

    [Fact]
    public async Task Contacts_sorted_by_name_skip_Thai_leading_vowels_as_a_Thai_reader_expects()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var tag = $"zt{Guid.NewGuid():N}"[..10];
        // Written in ordinal order: ข (U+0E02) before เ (U+0E40). Thai order files เกม under ก: กบ, เกม, ขนม, then ไข่ under ข.
        foreach (var name in new[] { "ไข่", "ขนม", "เกม", "กบ" }) await _conversations.OpenAsync($"{name} {tag}");

        var page = await (await admin.Http().GetAsync($"api/admin/contacts?search={tag}")).JsonAsync(HttpStatusCode.OK);
        var names = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()!.Split(' ')[0]).ToList();

        Assert.Equal(["กบ", "เกม", "ขนม", "ไข่"], names);
    }
}
