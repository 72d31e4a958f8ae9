using System.Globalization;
using Bunit;
using Inbound.Domain.Conversations;
using Inbound.Web.Inbox;
using Inbound.Web.Inbox.Components;
using Inbound.Web.Localization;
using MudBlazor;
using static Inbound.Tests.Inbox.InboxBuilders;

namespace Inbound.Tests.Localization;

/// <summary>A Thai agent's inbox: the list row, thread header, composer and close dialog read in Thai, times in Bangkok.</summary>
public sealed class ThaiInboxComponentTests : MudComponentTest, IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public ThaiInboxComponentTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("th");
        Services.GetRequiredService<UserTime>().Use("Asia/Bangkok");
    }

    [Fact]
    public void A_list_row_shows_the_filters_preview_and_waiting_time_in_Thai_at_Bangkok_time()
    {
        var cut = Render<ConversationList>(p => p
            .Add(x => x.Items, [Summary("สมชาย ใจดี", last: null, unread: 2, waitingSince: Now.AddMinutes(-7))])
            .Add(x => x.Filter, InboxFilter.Mine).Add(x => x.Now, Now));

        var row = cut.Find("[data-testid=conversation-item]");
        Assert.Contains("ยังไม่มีข้อความ", row.TextContent);
        // 14:25 UTC is 21:25 in Bangkok (UTC+7).
        Assert.Contains("21:25", row.QuerySelector(".inbox-item-time")!.TextContent);
        Assert.Contains("7 นาที", row.QuerySelector(".inbox-item-waiting")!.TextContent);
        Assert.Equal("ยังไม่อ่าน 2 ข้อความ", cut.Find("[data-testid=unread]").GetAttribute("aria-label"));
        Assert.Contains("ของฉัน", cut.Find("[data-testid=filters]").TextContent);
        Assert.DoesNotContain("Mine", cut.Markup);
    }

    [Fact]
    public void The_thread_header_and_entries_read_in_Thai()
    {
        var thread = Thread([Entry(MessageDirection.Outbound, AuthorKind.Agent, "Ana Agent", "สวัสดีค่ะ", minutesAgo: 60 * 26)]);

        var cut = Render<ThreadView>(p => p.Add(x => x.Thread, thread).Add(x => x.Now, Now));

        Assert.Contains("มอบหมายให้ Ana Agent", cut.Find(".inbox-thread-header").TextContent);
        Assert.Equal("ปิด", cut.Find("[data-testid=close]").TextContent.Trim());
        Assert.Equal("มอบหมายใหม่", cut.Find("[data-testid=reassign]").TextContent.Trim());
        var meta = cut.Find("[data-testid=outbound] .inbox-entry-meta").TextContent;
        Assert.Contains("เมื่อวาน 19:30", meta);
        Assert.Contains("ส่งแล้ว", meta);
    }

    [Fact]
    public void The_composer_offers_reply_and_note_in_Thai()
    {
        var cut = Render<Composer>();

        Assert.Contains("ตอบกลับ", cut.Find("[data-testid=composer-mode]").TextContent);
        Assert.Contains("บันทึก", cut.Find("[data-testid=composer-mode]").TextContent);
        Assert.Equal("ส่ง", cut.Find("[data-testid=send]").TextContent.Trim());
        Assert.Equal("เขียนคำตอบ…", cut.Find("textarea").GetAttribute("placeholder"));
    }

    [Fact]
    public async Task The_close_dialog_asks_for_a_category_and_summary_in_Thai()
    {
        var provider = Render<MudDialogProvider>();
        RenderPopovers();
        var dialogs = Services.GetRequiredService<IDialogService>();

        await provider.InvokeAsync(() => dialogs.ShowAsync<CloseConversationDialog>("ปิดบทสนทนา",
            new DialogParameters<CloseConversationDialog> { { d => d.Categories, ["สอบถามทั่วไป"] } }));

        var dialog = provider.Find(".mud-dialog").TextContent;
        Assert.Contains("ผู้ติดต่อจะไม่เห็น", dialog);
        Assert.Contains("หมวดหมู่", dialog);
        Assert.Contains("ยกเลิก", dialog);
        Assert.DoesNotContain("Cancel", dialog);
    }

    [Fact]
    public void Thai_dates_carry_the_Buddhist_Era_year_a_Thai_reader_expects()
    {
        var time = Services.GetRequiredService<UserTime>();

        // 2 December 2026 is 2 ธ.ค. 2569 in the Buddhist Era; 23:30 UTC is already the next day in Bangkok.
        Assert.Equal("2 ธ.ค. 2569", time.Date(new DateTime(2026, 12, 2, 5, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("3 ธ.ค. 2569", time.Date(new DateTime(2026, 12, 2, 23, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("1 วัน 4 ชม.", time.Duration(TimeSpan.FromHours(28)));
    }

    void IDisposable.Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
