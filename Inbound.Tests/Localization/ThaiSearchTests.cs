using System.Net;
using Inbound.Tests.Admin;
using Inbound.Web.Inbox;

namespace Inbound.Tests.Localization;

/// <summary>Thai text searched through the real endpoints: Thai has no case and no spaces between words.</summary>
public class ThaiSearchTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private readonly Conversations _conversations = new(app);

    /// <summary>A Thai word no other test writes: Thai consonants spelled from a fresh Guid.</summary>
    private static string UniqueThaiWord() => new(Guid.NewGuid().ToString("N")[..8].Select(h => (char)('ก' + Convert.ToInt32(h.ToString(), 16))).ToArray());

    private static async Task<IReadOnlyList<ConversationSummary>> InboxSearchAsync(InboxUser user, string search) =>
        (await user.Http().GetFromJsonAsync<List<ConversationSummary>>($"api/inbox/conversations?filter=All&search={Uri.EscapeDataString(search)}", ApiJson.Options))!;

    [Fact]
    public async Task A_Thai_word_in_a_contacts_name_is_found_by_the_inbox_and_the_contacts_search()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var word = UniqueThaiWord();
        var id = await _conversations.OpenAsync($"คุณ{word}ใจดี");

        var inbox = await InboxSearchAsync(admin, word);
        var contacts = await (await admin.Http().GetAsync($"api/admin/contacts?search={Uri.EscapeDataString(word)}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(id, Assert.Single(inbox).Id);
        Assert.Equal($"คุณ{word}ใจดี", Assert.Single(contacts.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_Thai_word_inside_a_message_without_spaces_is_found_by_the_inbox_search()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var word = UniqueThaiWord();
        var id = await _conversations.OpenAsync("Somchai", $"สวัสดีครับผมอยากสั่ง{word}เย็นสองแก้ว");

        Assert.Equal(id, Assert.Single(await InboxSearchAsync(admin, $"สั่ง{word}เย็น")).Id);
        Assert.Empty(await InboxSearchAsync(admin, $"{word}ร้อน"));
    }

    [Fact]
    public async Task A_search_typed_with_the_tone_mark_before_the_vowel_finds_the_same_text()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var word = UniqueThaiWord();
        // กุ่ม as stored (NFC: vowel below, then tone mark) and as some keyboards send it (tone mark first).
        var id = await _conversations.OpenAsync("Malee", $"ของ{word}กุ่มนี้");
        var typed = $"{word}ก\u0E48\u0E38ม";

        Assert.NotEqual($"{word}กุ่ม", typed);
        Assert.Equal(id, Assert.Single(await InboxSearchAsync(admin, typed)).Id);
    }
}
