using System.Security.Claims;
using Bunit;
using Inbound.Web.Accounts;
using Inbound.Web.Admin;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Channels.Admin;
using Inbound.Web.Components.Layout;
using Inbound.Web.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Inbound.Tests.Localization;

/// <summary>
/// The account menu, a contact's page and the users page, rendered over a running app's services for a Thai user:
/// Thai labels, and none of the English ones left.
/// </summary>
public sealed class ThaiPagesTests : MudComponentTest, IClassFixture<InboundApp>
{
    private readonly InboundApp _app;

    public ThaiPagesTests(InboundApp app)
    {
        _app = app;
        // The users page's scoped services, from one scope of the app (its root provider does not hand them out);
        // the test's container disposes the scope it made.
        Services.AddSingleton(_ => app.Services.CreateScope());
        Services.AddSingleton(s => s.GetRequiredService<IServiceScope>().ServiceProvider.GetRequiredService<UserAdministration>());
        Services.AddSingleton(s => s.GetRequiredService<IServiceScope>().ServiceProvider.GetRequiredService<Inbound.Web.Admin.People.PeopleAdministration>());
        Services.AddFallbackServiceProvider(app.Services);
    }

    private async Task SignInAsAsync(string email, string role, params string[] policies)
    {
        var (userId, agentId, name) = await _app.QueryAsync(async db => (
            await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(),
            await db.Agents.Where(a => a.Email == email).Select(a => a.Id).SingleAsync(),
            await db.Agents.Where(a => a.Email == email).Select(a => a.Name).SingleAsync()));
        AddAuthorization().SetAuthorized(name).SetRoles(role).SetPolicies(policies).SetClaims(
            new Claim(ClaimTypes.NameIdentifier, userId), new Claim(InboundClaims.AgentId, agentId.ToString()), new Claim(InboundClaims.DisplayName, name));
    }

    private static string TextOf<T>(IRenderedComponent<T> cut) where T : Microsoft.AspNetCore.Components.IComponent => string.Concat(cut.Nodes.Select(n => n.TextContent));

    private static void NoEnglish(string text, params string[] words)
    {
        foreach (var word in words) Assert.DoesNotContain(word, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_menu_names_the_availability_states_and_the_account_links_in_Thai()
    {
        await SignInAsAsync("ben@inbound.local", Roles.Agent, Policies.Agent);
        using var thai = ThaiCulture.Use();
        var popovers = RenderPopovers();

        var cut = Render<AppBarUser>();
        var button = cut.WaitForElement("[data-testid=appbar-user]");
        Assert.Equal("ออฟไลน์", cut.Find("[data-testid=availability]").TextContent.Trim());
        Assert.Equal("Ben Agent, ออฟไลน์: สถานะและบัญชี", button.GetAttribute("title"));
        await button.ClickAsync(new());

        popovers.WaitForAssertion(() => Assert.Contains("ออกจากระบบ", popovers.Markup));
        var menu = popovers.Markup;
        foreach (var thaiText in new[] { "เข้าสู่ระบบในฐานะเจ้าหน้าที่", "ออนไลน์", "ไม่อยู่", "ออฟไลน์ ✓", "โปรไฟล์และโทเค็น" })
            Assert.Contains(thaiText, menu);
        NoEnglish(menu + cut.Markup, "Online", "Away", "Offline", "Signed in", "Profile", "Sign out", "availability and account");
    }

    [Fact]
    public async Task A_contacts_page_reads_in_Thai()
    {
        var opened = await new ChannelClient(_app.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", "+6621234567", "สวัสดีครับ", "สมชาย ใจดี");
        var contactId = await _app.QueryAsync(db => db.Conversations.Where(c => c.Id == opened.ConversationId).Select(c => c.ContactId).SingleAsync());
        await SignInAsAsync("admin@inbound.local", Roles.Admin, Policies.Agent, Policies.Supervisor, Policies.Admin);
        using var thai = ThaiCulture.Use();
        RenderPopovers();

        var cut = Render<ContactPage>(p => p.Add(x => x.ContactId, contactId));

        cut.WaitForAssertion(() => Assert.Equal("สมชาย ใจดี", cut.Find("[data-testid=contact-name]").TextContent.Trim()));
        var headings = cut.FindAll("h6").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("ข้อมูลส่วนตัว", headings);
        Assert.Contains("การสนทนา", headings);
        Assert.Contains("ช่องทางที่ติดต่อ", headings);
        Assert.Contains("รวมผู้ติดต่อที่ซ้ำกัน", headings);
        Assert.Contains("ส่งข้อความถึง สมชาย ใจดี", headings);
        Assert.Equal("บันทึก", cut.Find("[data-testid=contact-save]").TextContent.Trim());
        Assert.Contains("เปิดอยู่", cut.Find("[data-testid=contact-timeline]").TextContent);
        Assert.Contains("เริ่มโดยผู้ติดต่อ", cut.Find("[data-testid=contact-timeline]").TextContent);
        Assert.Equal("กลับไปที่รายชื่อผู้ติดต่อ", cut.Find("a[href=contacts]").GetAttribute("aria-label"));
        NoEnglish(TextOf(cut), "Profile", "Conversations", "Identities", "Merge", "Write to", "Save", "Add a tag", "opened by", "Open it in the inbox");
    }

    [Fact]
    public async Task The_users_page_and_its_skills_dialog_read_in_Thai()
    {
        await SignInAsAsync("admin@inbound.local", Roles.Admin, Policies.Agent, Policies.Supervisor, Policies.Admin);
        using var thai = ThaiCulture.Use();
        RenderPopovers();
        var dialogs = Render<MudDialogProvider>();

        var cut = Render<Inbound.Web.Accounts.Pages.UsersSettingsPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=edit-skills]")));
        Assert.Equal("ผู้ใช้", cut.Find("h4").TextContent.Trim());
        Assert.Equal(["บุคคล", "บทบาท", "ทีม", "จำนวนที่รับได้", "ทักษะ", "การดำเนินการ"],
            cut.FindAll("table thead th").Select(h => h.TextContent.Trim()).Where(t => t.Length > 0).Take(6));
        var edit = cut.Find("[data-testid=agent-skills][data-agent='Ana Agent'] [data-testid=edit-skills]");
        Assert.Equal("แก้ไขทักษะของ Ana Agent", edit.GetAttribute("aria-label"));
        NoEnglish(TextOf(cut), "Person", "Capacity", "Skills", "Who works here");

        await cut.InvokeAsync(() => edit.Click());

        dialogs.WaitForAssertion(() => Assert.Contains("ทักษะของ Ana Agent", TextOf(dialogs)));
        var dialog = TextOf(dialogs);
        Assert.Contains("ยกเลิก", dialog);
        Assert.Contains("บันทึก", dialog);
        NoEnglish(dialog, "Skills of", "Cancel", "Save", "Assignment steps", "No skills yet", "Separate several");
    }

    [Fact]
    public async Task A_contacts_page_says_what_is_wrong_with_an_edit_in_Thai()
    {
        var opened = await new ChannelClient(_app.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"+66{Random.Shared.Next(10000000, 99999999)}", "สวัสดีค่ะ", "สมหญิง ใจดี");
        var contactId = await _app.QueryAsync(db => db.Conversations.Where(c => c.Id == opened.ConversationId).Select(c => c.ContactId).SingleAsync());
        await SignInAsAsync("admin@inbound.local", Roles.Admin, Policies.Agent, Policies.Supervisor, Policies.Admin);
        using var thai = ThaiCulture.Use();
        RenderPopovers();
        var cut = Render<ContactPage>(p => p.Add(x => x.ContactId, contactId));
        cut.WaitForElement("#contact-edit-phone");

        cut.Find("#contact-edit-phone").Change("call me maybe");
        await cut.InvokeAsync(() => cut.Find("[data-testid=contact-save]").Click());

        cut.WaitForAssertion(() => Assert.Equal("กรอกหมายเลขโทรศัพท์ (ตัวเลข เว้นวรรค + - ( ))",
            cut.Find("[data-testid=contact-edit-error]").TextContent.Trim()));
        NoEnglish(cut.Find("[data-testid=contact-edit-error]").TextContent, "Enter a phone number");
    }

    [Fact]
    public async Task The_channel_dialog_says_what_is_wrong_with_a_new_channel_in_Thai()
    {
        using var thai = ThaiCulture.Use();
        var dialogs = Render<MudDialogProvider>();
        var dialogService = Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => dialogService.ShowAsync<ChannelDialog>("เพิ่มช่องทาง",
            new DialogParameters<ChannelDialog> { { d => d.Actor, Actor.System } }));
        string Error() => dialogs.Find("[data-testid=channel-error]").TextContent.Trim();

        dialogs.Find("input[data-testid=channel-name]").Change("ฝ่ายขาย");
        dialogs.Find("input[data-testid=channel-key]").Change($"sales-{Guid.NewGuid():N}");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=channel-save]").Click());
        dialogs.WaitForAssertion(() => Assert.Equal("ช่องทางใหม่ต้องมีรหัสลับอย่างน้อย 16 ตัวอักษร", Error()));

        // A rule the domain keeps (the secret's length) reads in Thai too.
        dialogs.Find("input[data-testid=channel-secret]").Change("too-short");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=channel-save]").Click());
        dialogs.WaitForAssertion(() => Assert.Equal("รหัสลับของช่องทางต้องมีอย่างน้อย 16 ตัวอักษร", Error()));
        NoEnglish(TextOf(dialogs), "needs a secret", "at least 16 characters");
    }

    [Fact]
    public async Task The_line_channel_check_says_what_is_missing_in_Thai()
    {
        var check = _app.Services.GetRequiredService<Inbound.Web.Channels.Line.LineChannelCheck>();
        using var thai = ThaiCulture.Use();

        var (ok, message) = await check.VerifyAsync(Guid.NewGuid(), "https://inbound.example/api/channels/line/line");
        var quota = await check.QuotaAsync(Guid.NewGuid());

        Assert.False(ok);
        Assert.Equal("ช่องทางนี้ยังไม่มี channel access token", message);
        Assert.Equal("ยังไม่มี channel access token", quota.Error);
    }
    [Fact]
    public async Task A_contacts_page_says_a_field_value_or_a_first_message_that_does_not_fit_in_Thai()
    {
        var key = $"Seats{Guid.NewGuid():N}"[..20];
        await _app.QueryAsync(async db =>
        {
            db.ContactFieldDefinitions.Add(new Inbound.Domain.Contacts.ContactFieldDefinition(key, "จำนวนที่นั่ง", Inbound.Domain.Contacts.ContactFieldType.Number));
            return await db.SaveChangesAsync();
        });
        var opened = await new ChannelClient(_app.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"+66{Random.Shared.Next(10000000, 99999999)}", "สวัสดีค่ะ", "มาลี ใจดี");
        // The installation's workflow may be saving the conversation meanwhile: the close is made again on a fresh row.
        Guid? contactId = null;
        await Eventually.TrueAsync(async () => (contactId = await _app.QueryAsync<Guid?>(async db =>
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == opened.ConversationId);
            conversation.Close(new Inbound.Domain.Conversations.ClosingNote("Resolved", "Done"), null, DateTime.UtcNow);
            try
            {
                await db.SaveChangesAsync();
                return (Guid?)conversation.ContactId;
            }
            catch (DbUpdateConcurrencyException)
            {
                return null;
            }
        })) is not null, "the conversation to be closed");
        await SignInAsAsync("admin@inbound.local", Roles.Admin, Policies.Agent, Policies.Supervisor, Policies.Admin);
        using var thai = ThaiCulture.Use();
        RenderPopovers();
        var cut = Render<ContactPage>(p => p.Add(x => x.ContactId, contactId!.Value));
        cut.WaitForElement($"#field-{key}");

        cut.Find($"#field-{key}").Change("หนึ่งโหล");
        await cut.InvokeAsync(() => cut.Find("[data-testid=contact-save]").Click());
        cut.WaitForAssertion(() => Assert.Equal("จำนวนที่นั่ง ต้องเป็นตัวเลข", cut.Find("[data-testid=contact-edit-error]").TextContent.Trim()));

        // The thread's own rule (a message's length) reads in Thai on the start-conversation panel too.
        cut.Find("#start-conversation-text").Change(new string('ก', Inbound.Domain.Conversations.Message.MaxBodyLength + 1));
        await cut.InvokeAsync(() => cut.Find("[data-testid=start-conversation-send]").Click());
        cut.WaitForAssertion(() => Assert.Contains("ข้อความมีได้ไม่เกิน 4096 ตัวอักษร", cut.Find("[data-testid=start-conversation]").TextContent));
        NoEnglish(TextOf(cut), "must be a number", "at most 4096 characters");
    }

    [Fact]
    public async Task A_language_that_is_not_a_code_is_refused_in_Thai()
    {
        var opened = await new ChannelClient(_app.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"+66{Random.Shared.Next(10000000, 99999999)}", "สวัสดี", "ดวงใจ ใจดี");
        var contactId = await _app.QueryAsync(db => db.Conversations.Where(c => c.Id == opened.ConversationId).Select(c => c.ContactId).SingleAsync());
        using var thai = ThaiCulture.Use();

        var refused = await Services.GetRequiredService<ContactCommands>().SetLanguageAsync(contactId, "thai!");

        Assert.Equal("\"thai!\" ไม่ใช่รหัสภาษา (เช่น th, en)", Services.GetRequiredService<IStringLocalizer<Inbound.Web.Admin.AdminErrors>>()
            .Say(refused, Services.GetRequiredService<IStringLocalizer<Inbound.Web.Localization.Phrases>>()));
        Assert.Equal("\"thai!\" is not a language code (e.g. th, en).", refused.Error);
    }
}
