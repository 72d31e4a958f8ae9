using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Tests.Workflows;
using Inbound.Web.Inbox.Live;
using Inbound.Web.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.ScaleOut;

/// <summary>Two app processes on one database and one Redis: what one node does, the other's people see and trust.</summary>
[Trait("Category", "PostgreSqlPass")] // scripts/test.sh runs it on PostgreSQL only: the setup README prescribes for several nodes
public class TwoNodeTests(SalesCluster cluster) : IClassFixture<SalesCluster>
{
    private async Task<IPage> SignInOnAAsync(string email)
    {
        var context = await cluster.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(cluster.A.BaseAddress, "inbox").ToString());
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(InboundApp.DemoPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("inbox$"));
        return page;
    }

    /// <summary>The same browser (so the same cookie: cookies do not tell ports apart) on node B's inbox.</summary>
    private static async Task OpenInboxOnAsync(IPage page, AppNodeProcess node)
    {
        await page.GotoAsync(new Uri(node.BaseAddress, "inbox").ToString());
        // A first circuit on a node that has served no page yet, on a loaded machine: more than the 5 s default.
        try
        {
            await Expect(page.Locator(".mud-layout[data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"{e.Message}\nThe node's log:\n{node.RecentLog()}", e);
        }
    }

    [Fact]
    public async Task A_sign_in_cookie_made_by_node_A_is_valid_on_node_B()
    {
        var page = await SignInOnAAsync("ana@inbound.local");

        await OpenInboxOnAsync(page, cluster.B);

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(cluster.B.BaseAddress.ToString()) + "inbox$"));
        await Expect(page.Locator("#password")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_message_ingested_on_node_A_reaches_an_agents_hub_client_and_inbox_page_on_node_B_live()
    {
        var page = await SignInOnAAsync("ana@inbound.local");
        await OpenInboxOnAsync(page, cluster.B);
        var live = await cluster.ConnectAsync(cluster.B, "ana@inbound.local");
        var name = $"Nora {Guid.NewGuid():N}"[..13];

        var sent = await new ChannelClient(cluster.A.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}", "Is the annual plan cheaper?", name);

        await live.WaitForAsync(e => e.Kind == InboxEventKinds.ConversationAssigned && e.ConversationId == sent.ConversationId, TimeSpan.FromSeconds(30));
        await Expect(page.Locator($"[data-testid=conversation-item]:has-text('{name}')")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "two-nodes-inbox-on-b");
        await live.Connection.DisposeAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_hundred_concurrent_messages_from_twenty_new_contacts_across_both_nodes_make_twenty_conversations_each_assigned_once()
    {
        var admin = await cluster.ConnectAsync(cluster.B, "admin@inbound.local");
        var channels = new[] { new ChannelClient(cluster.A.CreateHttpClient()), new ChannelClient(cluster.B.CreateHttpClient()) };
        var contacts = Enumerable.Range(0, 20).Select(_ => $"crowd-{Guid.NewGuid():N}").ToArray();
        // The admin's connection on B hears A's events once its groups are subscribed on the backplane, a moment after
        // it connects: one conversation opened on A and heard on B first, so that the burst is not sent before that.
        var warm = await channels[0].SendOkAsync($"m-{Guid.NewGuid():N}", $"warm-{Guid.NewGuid():N}", "Hello");
        await admin.WaitForAsync(e => e.Kind == InboxEventKinds.ConversationAssigned && e.ConversationId == warm.ConversationId, TimeSpan.FromSeconds(30));

        var sent = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            channels[i % 2].SendOkAsync($"m-{Guid.NewGuid():N}", contacts[i % 20], $"Message {i}")));

        var conversations = sent.Select(s => s.ConversationId).Distinct().ToArray();
        Assert.Equal(20, conversations.Length);
        await Eventually.TrueAsync(async () => await cluster.QueryAsync(db => db.Conversations
                .CountAsync(c => conversations.Contains(c.Id) && c.Status == ConversationStatus.Open && c.AssigneeId != null)) == 20,
            "all twenty conversations to be assigned", TimeSpan.FromSeconds(60));
        var contactIds = await cluster.QueryAsync(db => db.Conversations.Where(c => conversations.Contains(c.Id)).Select(c => c.ContactId).Distinct().ToListAsync());
        Assert.Equal(20, contactIds.Count);
        Assert.Equal(20, await cluster.QueryAsync(db => db.Conversations.CountAsync(c => contactIds.Contains(c.ContactId) && c.Status == ConversationStatus.Open)));
        Assert.Equal(200, await cluster.QueryAsync(db => db.Messages.CountAsync(m => conversations.Contains(m.ConversationId) && m.Direction == MessageDirection.Inbound)));
        Assert.Equal(20, await cluster.QueryAsync(db => db.WorkflowRuns.CountAsync(r => conversations.Contains(r.ConversationId) && r.WorkflowName == SalesCluster.StraightToSales)));

        // Both nodes' assignments reach the admin's hub client on B (the backplane): one per conversation, no more.
        foreach (var id in conversations)
            await admin.WaitForAsync(e => e.Kind == InboxEventKinds.ConversationAssigned && e.ConversationId == id, TimeSpan.FromSeconds(30));
        Assert.All(conversations, id => Assert.Single(admin.Received, e => e.Kind == InboxEventKinds.ConversationAssigned && e.ConversationId == id));
        await admin.Connection.DisposeAsync();

        // Both nodes project into the reports at once, into the same hour's buckets: each conversation still has its
        // fact, and the team's buckets count as many openings as there are facts, by the hour and by the day.
        await Eventually.TrueAsync(() => cluster.QueryAsync(async db =>
        {
            var facts = db.Set<ConversationFact>();
            var teamBuckets = db.Set<ReportBucket>().Where(b => b.Dimension == ReportDimension.Team);
            var projected = await facts.CountAsync();
            return await facts.CountAsync(f => conversations.Contains(f.ConversationId) && f.AgentId != null) == 20
                && projected == await db.Conversations.CountAsync()
                && await teamBuckets.Where(b => b.Grain == BucketGrain.Hour).SumAsync(b => b.Opened) == projected
                && await teamBuckets.Where(b => b.Grain == BucketGrain.Day).SumAsync(b => b.Opened) == projected;
        }), "the reports to count every conversation once", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_workflow_published_on_node_A_runs_on_node_B_within_a_second()
    {
        var workflowId = await cluster.QueryAsync(db => db.Workflows.Where(w => w.Name == SalesCluster.TagNewcomers).Select(w => w.Id).SingleAsync());
        var channelB = new ChannelClient(cluster.B.CreateHttpClient());
        // B has its list of active workflows loaded: it has just started a run with it.
        var warm = await channelB.SendOkAsync($"m-{Guid.NewGuid():N}", $"warm-{Guid.NewGuid():N}", "Hello");
        await Eventually.TrueAsync(() => cluster.QueryAsync(db => db.WorkflowRuns.AnyAsync(r => r.ConversationId == warm.ConversationId)), "B to run the active workflows");

        using var publish = await cluster.Http(cluster.A, "admin@inbound.local").PostAsync($"api/admin/workflows/{workflowId}/publish", null);
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        var published = Stopwatch.GetTimestamp();

        // Conversations opened on B one after another, until one runs the new workflow: the first must open within a
        // second of the publish (without Redis, B would go on with its cached list for up to ten seconds).
        var probes = new List<(Guid ConversationId, TimeSpan SentAfter)>();
        var deadline = TimeSpan.FromSeconds(20);
        (Guid ConversationId, TimeSpan SentAfter)? first = null;
        while (first is null && Stopwatch.GetElapsedTime(published) < deadline)
        {
            var sentAfter = Stopwatch.GetElapsedTime(published);
            var probe = await channelB.SendOkAsync($"m-{Guid.NewGuid():N}", $"probe-{Guid.NewGuid():N}", "Hello");
            probes.Add((probe.ConversationId, sentAfter));
            var ids = probes.Select(p => p.ConversationId).ToList();
            var running = await cluster.QueryAsync(db => db.WorkflowRuns.Where(r => ids.Contains(r.ConversationId) && r.WorkflowId == workflowId).Select(r => r.ConversationId).ToListAsync());
            first = probes.Where(p => running.Contains(p.ConversationId)).Select(p => ((Guid, TimeSpan)?)p).FirstOrDefault();
        }

        Assert.NotNull(first);
        Assert.True(first.Value.SentAfter < TimeSpan.FromSeconds(1), $"The first conversation on B to run it opened {first.Value.SentAfter.TotalMilliseconds:F0} ms after the publish on A");
    }

    [Fact]
    public async Task Deactivating_a_person_on_node_A_closes_their_live_connection_on_node_B_and_refuses_their_cookie_there_at_once()
    {
        var page = await SignInOnAAsync("ben@inbound.local");
        await OpenInboxOnAsync(page, cluster.B);
        var live = await cluster.ConnectAsync(cluster.B, "ben@inbound.local");
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        var benUserId = await cluster.QueryAsync(db => db.Users.Where(u => u.Email == "ben@inbound.local").Select(u => u.Id).SingleAsync());
        var admin = cluster.Http(cluster.A, "admin@inbound.local");

        try
        {
            using var deactivated = await admin.PostAsync($"api/admin/users/{benUserId}/deactivate", null);
            Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);

            // B heard it from A: the hub connection is closed and the cookie made before is refused, without waiting
            // for the security stamp's periodic check.
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
            // A fresh tab with the same cookie: the open one may itself be on its way to the sign-in page already.
            var fresh = await page.Context.NewPageAsync();
            await fresh.GotoAsync(new Uri(cluster.B.BaseAddress, "inbox").ToString());
            await Expect(fresh.Locator("#password")).ToBeVisibleAsync();
        }
        finally
        {
            using var _ = await admin.PostAsync($"api/admin/users/{benUserId}/reactivate", null);
            await live.Connection.DisposeAsync();
            await page.Context.CloseAsync();
        }
    }
}
