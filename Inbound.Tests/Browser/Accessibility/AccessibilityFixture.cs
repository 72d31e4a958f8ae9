using Deque.AxeCore.Playwright;
using Inbound.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Inbound.Tests.Browser.Accessibility;

/// <summary>
/// One app and one browser for every page the accessibility checks visit: signed-in pages are kept per account and
/// language, so a theory over pages × languages signs in four times, not once per case.
/// </summary>
public sealed class AccessibilityFixture : BrowserFixture
{
    public const string Thai = "th";
    public const string English = "en";

    private readonly Dictionary<(string Email, string Language, int Width), IPage> _pages = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Guid? _conversationId;
    private Guid? _workflowId;

    /// <summary>A page with the UI language chosen through the standard culture cookie, signed in when an email is given.</summary>
    public async Task<IPage> PageAsync(string? email, string language, int width = 1440, int height = 900)
    {
        if (email is null) return await NewPageInAsync(language, width, height);
        await _gate.WaitAsync();
        try
        {
            if (_pages.TryGetValue((email, language, width), out var kept)) return kept;
            var page = await NewPageInAsync(language, width, height);
            await page.GotoAsync("/account/login");
            await page.Locator("#email").FillAsync(email);
            await page.Locator("#password").FillAsync(DemoPassword);
            await page.Locator("button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/login"));
            return _pages[(email, language, width)] = page;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A fresh context whose culture cookie asks for <paramref name="language"/>.</summary>
    public async Task<IPage> NewPageInAsync(string language, int width = 1440, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = ".AspNetCore.Culture",
            Value = $"c={language}|uic={language}",
            Url = BaseAddress.ToString(),
        }]);
        return page;
    }

    /// <summary>A conversation assigned to Ana, so that her inbox opens with a thread.</summary>
    public async Task<Guid> ConversationAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_conversationId is { } id) return id;
            var conversations = new Conversations(this);
            var opened = await conversations.OpenAsync("Somchai Jaidee", "สวัสดีครับ อยากสอบถามเรื่องแพ็กเกจรายปี");
            await conversations.AssignAsync(opened, await this.AgentIdAsync("ana@inbound.local"), await conversations.TeamIdAsync("Sales"));
            return (_conversationId = opened).Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<Guid> WorkflowAsync() =>
        _workflowId ??= await QueryAsync(db => db.Workflows.Where(w => w.Name == "Inbound conversations").Select(w => w.Id).FirstAsync());

    /// <summary>Runs axe on the page and returns its serious and critical violations, one readable line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var found = new List<string>();
        foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            var nodes = new List<string>();
            foreach (var node in v.Nodes)
            {
                var target = node.Target?.ToString() ?? "";
                if (v.Id == "nested-interactive" && await IsAccountMenuAsync(page, target)) continue;
                nodes.Add(target);
            }
            if (nodes.Count > 0) found.Add($"{v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", nodes.Take(5))}");
        }
        return found;
    }

    /// <summary>
    /// The one known finding left: MudBlazor 9 wraps a menu's custom activator (the app bar's account button, with the
    /// avatar and availability) in a div with role=button. Without the inner button the menu no longer opens from the
    /// keyboard, which matters more than the nesting; the rule still holds for every other element.
    /// </summary>
    private static Task<bool> IsAccountMenuAsync(IPage page, string target) =>
        page.EvaluateAsync<bool>("t => { try { return !!document.querySelector(t)?.querySelector('.appbar-user'); } catch { return false; } }", target);

    public override async ValueTask DisposeAsync()
    {
        _gate.Dispose();
        await base.DisposeAsync();
    }
}
