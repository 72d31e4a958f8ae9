using System.Diagnostics;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Data;

// About SQLite's one-writer queue: not part of the PostgreSQL pass (scripts/test.sh).
[Trait("Category", "SqliteOnly")]
public class SqliteWriteGateTests(InboundApp app) : IClassFixture<InboundApp>
{
    private Task<InboundDbContext> NewContextAsync() =>
        app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task A_save_that_fails_on_a_concurrency_conflict_lets_the_next_writer_in_at_once()
    {
        await using var first = await NewContextAsync();
        await using var second = await NewContextAsync();
        var email = "ben@inbound.local";
        var mine = await first.Agents.SingleAsync(a => a.Email == email);
        var stale = await second.Agents.SingleAsync(a => a.Email == email);
        mine.RecordAssignment(mine.LastAssignmentTicket + 1);
        await first.SaveChangesAsync();

        stale.RecordAssignment(stale.LastAssignmentTicket + 1);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var next = await NewContextAsync();
        (await next.Agents.SingleAsync(a => a.Email == email)).Rename("Ben A.");
        var clock = Stopwatch.StartNew();
        await next.SaveChangesAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the next save waited {clock.Elapsed.TotalSeconds:N1} s for the gate");
    }

    [Fact]
    public async Task Concurrent_saves_on_one_node_all_succeed()
    {
        var agents = await app.QueryAsync(db => db.Agents.Select(a => a.Id).ToListAsync());

        await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await using var db = await NewContextAsync();
            var agent = await db.Agents.SingleAsync(a => a.Id == agents[i % agents.Count]);
            agent.Rename($"Agent {i}");
            await db.SaveChangesAsync();
        }));

        Assert.Equal(agents.Count, await app.QueryAsync(db => db.Agents.CountAsync(a => a.Name.StartsWith("Agent "))));
    }

    [Fact]
    public async Task A_save_queues_behind_a_transaction_holding_the_gate_and_goes_on_when_it_ends()
    {
        var gate = app.Services.GetRequiredService<SqliteWriteGate>();
        var agentId = await app.QueryAsync(db => db.Agents.Select(a => a.Id).FirstAsync());
        await using var other = await NewContextAsync();
        (await other.Agents.SingleAsync(a => a.Id == agentId)).Rename("Queued behind the transaction");

        Task save;
        await using (await gate.HoldAsync(CancellationToken.None))
        {
            save = other.SaveChangesAsync();
            // Without the gate this save would finish in a few milliseconds.
            Assert.NotSame(save, await Task.WhenAny(save, Task.Delay(TimeSpan.FromMilliseconds(300))));
        }

        await save.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.Equal("Queued behind the transaction", await app.QueryAsync(db => db.Agents.Where(a => a.Id == agentId).Select(a => a.Name).SingleAsync()));
    }
}
