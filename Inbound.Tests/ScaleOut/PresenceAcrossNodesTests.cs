using System.Net;
using Inbound.Domain.Agents;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.ScaleOut;

/// <summary>Two nodes whose agents become away two seconds after their last connection ends.</summary>
public sealed class ShortGraceCluster : TwoNodeCluster
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    protected override IReadOnlyDictionary<string, string> NodeSettings => new Dictionary<string, string>
    {
        ["Presence:GracePeriod"] = Grace.ToString(),
    };
}

/// <summary>An agent with the inbox open on two nodes (a laptop and a phone behind a load balancer) is one person.</summary>
[Trait("Category", "PostgreSqlPass")] // scripts/test.sh runs it on PostgreSQL only: the setup README prescribes for several nodes
public class PresenceAcrossNodesTests(ShortGraceCluster cluster) : IClassFixture<ShortGraceCluster>
{
    private Task<AgentAvailability> AvailabilityAsync() =>
        cluster.QueryAsync(db => db.Agents.Where(a => a.Email == "ben@inbound.local").Select(a => a.Availability).SingleAsync());

    [Fact]
    public async Task Closing_the_inbox_on_one_node_keeps_the_agent_online_while_it_is_open_on_the_other_and_coming_back_on_either_brings_them_back()
    {
        using var online = await cluster.Http(cluster.A, "ben@inbound.local").PutAsJsonAsync("api/inbox/me/availability", new { availability = "Online" });
        Assert.Equal(HttpStatusCode.NoContent, online.StatusCode);
        var onA = await cluster.ConnectAsync(cluster.A, "ben@inbound.local");
        var onB = await cluster.ConnectAsync(cluster.B, "ben@inbound.local");

        await onB.Connection.DisposeAsync();
        // Nothing to wait for but time: the grace period passes on B, twice over, and Ben, still on A, stays online.
        await Task.Delay(ShortGraceCluster.Grace * 3);
        Assert.Equal(AgentAvailability.Online, await AvailabilityAsync());

        await onA.Connection.DisposeAsync();
        await Eventually.TrueAsync(async () => await AvailabilityAsync() == AgentAvailability.Away, "Ben away once no node has his inbox open");

        // Made away on A, back on B.
        var back = await cluster.ConnectAsync(cluster.B, "ben@inbound.local");
        await Eventually.TrueAsync(async () => await AvailabilityAsync() == AgentAvailability.Online, "Ben online again on node B");
        await back.Connection.DisposeAsync();
    }
}
