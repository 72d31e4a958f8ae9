using System.Collections.Concurrent;
using System.Diagnostics;
using Inbound.Domain.Agents;
using Inbound.Domain.Events;
using Inbound.Web.Accounts;
using Inbound.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inbound.Bench;

/// <summary>
/// What a person sees: real headless Chromium pages of the inbox (agents with a thread open, a supervisor on All) while
/// contacts write at a paced background rate. A probe message goes to one agent's open thread every 200 ms; the clock
/// runs from just before its POST until its text is in that agent's DOM and in the supervisor's (a MutationObserver in
/// each page notes when it appears). Also: managed heap per Blazor circuit on the server.
/// Options: --pages-agents 20 --rates 200,1000 --seconds 15 --circuits 100 (--pages runs this scenario alone)
/// </summary>
public static class PageLatencyBenchmark
{
    private const string Password = "Bench!Pages2026";

    // Notes the first time each probe marker shows up in the page's DOM, in the same clock as the benchmark (ms since epoch).
    private const string Observer = """
        window.__probes = {};
        new MutationObserver(records => {
          const now = performance.timeOrigin + performance.now();
          for (const r of records) {
            const texts = r.type === 'characterData' ? [r.target.data] : [...r.addedNodes].map(n => n.textContent || '');
            for (const t of texts) for (const m of t.matchAll(/PROBE-\d+/g)) if (!(m[0] in window.__probes)) window.__probes[m[0]] = now;
          }
        }).observe(document, { childList: true, subtree: true, characterData: true });
        """;

    public static async Task RunAndPrintAsync(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var agentCount = int.Parse(Get("--pages-agents") ?? "20");
        var rates = (Get("--rates") ?? "200,1000").Split(',').Select(int.Parse).ToList();
        var seconds = int.Parse(Get("--seconds") ?? "15");
        var circuits = int.Parse(Get("--circuits") ?? "0");

        await using var app = BenchApp.Start(new Dictionary<string, string?> { ["Seed:DemoWorkflow"] = "false" });
        var sender = new SignedSender(app.BaseAddress);
        var run = Guid.NewGuid().ToString("N")[..8];
        var agents = await CreateAgentsAsync(app, agentCount, run);
        var probes = new List<(BenchAgent Agent, string Contact, Guid Conversation)>();
        var background = new List<string>();
        foreach (var (agent, i) in agents.Select((a, i) => (a, i)))
        {
            probes.Add((agent, $"{run}-probe-{i}", await OpenAsync(app, sender, $"{run}-probe-{i}", agent.AgentId)));
            for (var k = 0; k < 4; k++)
            {
                // Each agent also holds four busy conversations of their own.
                var contact = $"{run}-bg-{i}-{k}";
                await OpenAsync(app, sender, contact, agent.AgentId);
                background.Add(contact);
            }
        }
        for (var q = 0; q < 20; q++)
        {
            // And some wait in the team's queue.
            var contact = $"{run}-queued-{q}";
            await OpenAsync(app, sender, contact, null);
            background.Add(contact);
        }

        var (playwright, browser) = await LaunchAsync();
        Console.WriteLine();
        Console.WriteLine($"pages: {agentCount} agent pages (thread open) + 1 supervisor page on All, headless Chromium {browser.Version}");
        InboxLatencyBenchmark.ForceGc();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var agentPages = new List<IPage>();
        foreach (var (agent, _, conversation) in probes)
            agentPages.Add(await SignInAsync(browser, app.BaseAddress, agent.Email, $"inbox/{conversation}"));
        var supervisor = await SignInAsync(browser, app.BaseAddress, "supervisor@inbound.local", "inbox", seeded: true);
        await supervisor.Locator("[data-testid=filters]").GetByText("All").ClickAsync();
        await supervisor.Locator("[data-testid=conversation-item]").First.WaitForAsync();
        InboxLatencyBenchmark.ForceGc();
        var heapPerCircuit = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / 1024.0 / (agentCount + 1);
        Console.WriteLine($"  managed heap per open inbox page (its circuit, subscriptions, rows and thread): {heapPerCircuit:N0} KB");

        // Warm-up, not measured.
        await Task.WhenAll(background.Select((c, i) => sender.SendAsync($"{run}-warm-{i}", c, "warm up")));
        var probeNumber = 0;
        foreach (var rate in rates)
        {
            var sentAt = new ConcurrentDictionary<string, (double At, int Agent)>();
            using var stop = new CancellationTokenSource();
            var load = PaceAsync(sender, background, rate, run, stop.Token);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var index = probeNumber % probes.Count;
                var marker = $"PROBE-{probeNumber++}";
                sentAt[marker] = (Now(), index);
                _ = sender.SendAsync($"{run}-{marker}", probes[index].Contact, $"{marker} is the contact asking");
                await Task.Delay(200);
            }
            await stop.CancelAsync();
            var sent = await load;
            // Stragglers get a few seconds; anything later counts as not seen.
            await Task.Delay(TimeSpan.FromSeconds(5));

            var agentSeen = new List<double>();
            var supervisorSeen = new List<double>();
            var seenByAgent = await Task.WhenAll(agentPages.Select(p => p.EvaluateAsync<Dictionary<string, double>>("() => window.__probes")));
            var seenBySupervisor = await supervisor.EvaluateAsync<Dictionary<string, double>>("() => window.__probes");
            foreach (var (marker, (at, agent)) in sentAt)
            {
                if (seenByAgent[agent].TryGetValue(marker, out var a)) agentSeen.Add(a - at);
                if (seenBySupervisor.TryGetValue(marker, out var s)) supervisorSeen.Add(s - at);
            }
            Console.WriteLine($"  background {sent / (double)seconds:N0} msg/s ({rate} asked), {sentAt.Count} probes:");
            Console.WriteLine($"    agent's thread       {Describe(agentSeen, sentAt.Count)}");
            Console.WriteLine($"    supervisor on All    {Describe(supervisorSeen, sentAt.Count)}");
        }

        if (circuits > 0) await MeasureCircuitsAsync(browser, app.BaseAddress, agents[0].Email, circuits);
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    /// <summary>
    /// Many idle pages of one agent: the server's managed heap per circuit, for the 1,000-agent extrapolation. The
    /// profile page (layout, app bar, no live list) is the floor every circuit pays; the inbox's own share is the rest.
    /// </summary>
    private static async Task MeasureCircuitsAsync(IBrowser browser, Uri baseAddress, string email, int count)
    {
        var first = await SignInAsync(browser, baseAddress, email, "inbox");
        var state = await first.Context.StorageStateAsync();
        var floor = await HeapPerCircuitAsync(browser, baseAddress, state, "account/profile", count);
        var inbox = await HeapPerCircuitAsync(browser, baseAddress, state, "inbox", count);
        Console.WriteLine($"  {count} idle pages each: managed heap per circuit {inbox:N0} KB on the inbox, {floor:N0} KB on the profile page");
        Console.WriteLine($"    → 1,000 agents on the inbox ≈ {inbox * 1000 / 1024:N0} MB of managed heap");
    }

    private static async Task<double> HeapPerCircuitAsync(IBrowser browser, Uri baseAddress, string state, string path, int count)
    {
        InboxLatencyBenchmark.ForceGc();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var pages = new List<IPage>();
        for (var i = 0; i < count; i++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), StorageState = state });
            var page = await context.NewPageAsync();
            await page.GotoAsync(path);
            await page.Locator(".mud-layout[data-interactive=true]").WaitForAsync(new() { Timeout = 60_000 });
            pages.Add(page);
        }
        InboxLatencyBenchmark.ForceGc();
        var perCircuit = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1024.0 / count;
        foreach (var page in pages) await page.Context.CloseAsync();
        return perCircuit;
    }

    private static string Describe(List<double> latencies, int sent)
    {
        if (latencies.Count == 0) return $"0 of {sent} seen";
        latencies.Sort();
        double At(double p) => latencies[Math.Clamp((int)Math.Ceiling(p / 100 * latencies.Count) - 1, 0, latencies.Count - 1)];
        return $"{latencies.Count * 100.0 / sent,5:N0} % seen   p50 {At(50),6:N0} ms   p99 {At(99),6:N0} ms   max {At(100),6:N0} ms";
    }

    /// <summary>Paced, not closed-loop: message i leaves at i/rate seconds whether or not earlier ones are answered.</summary>
    private static async Task<int> PaceAsync(SignedSender sender, List<string> contacts, int rate, string run, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        var random = new Random(7);
        var i = 0;
        while (!stop.IsCancellationRequested)
        {
            var due = (int)(clock.Elapsed.TotalSeconds * rate) + 1;
            for (; i < due; i++)
            {
                var contact = contacts[random.Next(contacts.Count)];
                var index = i;
                inFlight.Add(Task.Run(() => sender.SendAsync($"{run}-{rate}-bg{index}", contact, $"Background message {index}")));
            }
            await Task.Delay(1);
        }
        await Task.WhenAll(inFlight);
        return i;
    }

    private static double Now() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private sealed record BenchAgent(Guid AgentId, string Email);

    private static async Task<List<BenchAgent>> CreateAgentsAsync(BenchApp app, int count, string run)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<InboundUser>>();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        var agents = Enumerable.Range(0, count).Select(i => new Agent($"Page Agent {i}", $"pages-{run}-{i}@inbound.local", capacity: 1000)).ToList();
        db.Agents.AddRange(agents);
        var sales = await db.Teams.Include(t => t.Members).SingleAsync(t => t.Name == "Sales");
        foreach (var agent in agents) sales.AddMember(agent.Id);
        await db.SaveChangesAsync();
        foreach (var agent in agents)
        {
            var user = new InboundUser { UserName = agent.Email, Email = agent.Email, EmailConfirmed = true, DisplayName = agent.Name, AgentId = agent.Id };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, Roles.Agent);
        }
        return agents.Select(a => new BenchAgent(a.Id, a.Email)).ToList();
    }

    /// <summary>A contact writes in; the conversation goes to the agent, or waits in Sales' queue.</summary>
    private static async Task<Guid> OpenAsync(BenchApp app, SignedSender sender, string contact, Guid? agentId)
    {
        var opened = await sender.SendAsync($"{contact}-open", contact, "Hello");
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        var conversation = await db.Conversations.SingleAsync(c => c.Id == opened.ConversationId);
        var sales = await db.Teams.Where(t => t.Name == "Sales").Select(t => t.Id).SingleAsync();
        if (agentId is { } agent) conversation.AssignTo(agent, sales, DateTime.UtcNow);
        else conversation.RouteToTeam(sales, DateTime.UtcNow);
        await db.SaveAndPublishAsync(app.Services.GetRequiredService<IDomainEventPublisher>());
        return conversation.Id;
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return (playwright, browser);
    }

    private static async Task<IPage> SignInAsync(IBrowser browser, Uri baseAddress, string email, string path, bool seeded = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        await context.AddInitScriptAsync(Observer);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(seeded ? "Inbound!2026" : Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.Locator(".mud-layout[data-interactive=true]").WaitForAsync();
        return page;
    }
}
