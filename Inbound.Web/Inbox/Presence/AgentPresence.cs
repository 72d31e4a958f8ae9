using Inbound.Domain.Agents;
using Inbound.Domain.Events;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Inbox.Presence;

/// <summary>
/// Counts each agent's open connections (inbox pages and hub clients) on this node, and tells the
/// <see cref="PresenceLedger"/> when the node holds the first or let go of the last. When an online agent has had no
/// connection on any node for the grace period they become away by themselves, so the workflows stop giving them
/// conversations; when one comes back, on any node, they are online again, but only if it was this that made them
/// away (an agent who chose away or offline stays so). The change is an ordinary availability change: it drains
/// queues, moves watched assignments on, and reaches supervisors live like any other.
/// </summary>
public sealed class AgentPresence(
    IDbContextFactory<InboundDbContext> dbFactory,
    IDomainEventPublisher publisher,
    TimeProvider clock,
    IOptionsMonitor<PresenceOptions> options,
    PresenceLedger ledger,
    ILogger<AgentPresence> logger) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, int> _connections = [];
    private readonly Dictionary<Guid, ITimer> _leaving = [];

    /// <summary>The agent's open connections on this node.</summary>
    public int Connections(Guid agentId)
    {
        lock (_lock) return _connections.GetValueOrDefault(agentId);
    }

    public void Connected(Guid agentId)
    {
        bool first;
        lock (_lock)
        {
            var count = _connections.GetValueOrDefault(agentId) + 1;
            _connections[agentId] = count;
            if (_leaving.Remove(agentId, out var timer)) timer.Dispose();
            first = count == 1;
        }
        if (first) _ = ComeBackAsync(agentId);
    }

    private async Task ComeBackAsync(Guid agentId)
    {
        try
        {
            await ledger.HoldAsync(agentId);
            if (await ledger.TakeMadeAwayAsync(agentId)) await SetAsync(agentId, from: AgentAvailability.Away, to: AgentAvailability.Online);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not record agent {AgentId}'s connection in the presence ledger", agentId);
        }
    }

    public void Disconnected(Guid agentId)
    {
        lock (_lock)
        {
            var left = _connections.GetValueOrDefault(agentId) - 1;
            if (left > 0)
            {
                _connections[agentId] = left;
                return;
            }
            _connections.Remove(agentId);
            if (_leaving.Remove(agentId, out var old)) old.Dispose();
            _leaving[agentId] = clock.CreateTimer(_ => _ = GraceOverAsync(agentId), null, options.CurrentValue.GracePeriod, Timeout.InfiniteTimeSpan);
        }
        _ = ReleaseAsync(agentId);
    }

    private async Task ReleaseAsync(Guid agentId)
    {
        try
        {
            await ledger.ReleaseAsync(agentId);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not release agent {AgentId}'s connection in the presence ledger", agentId);
        }
    }

    private async Task GraceOverAsync(Guid agentId)
    {
        lock (_lock)
        {
            if (_connections.ContainsKey(agentId) || !_leaving.Remove(agentId, out var timer)) return;
            timer.Dispose();
        }
        try
        {
            // A page of theirs open on another node: they are still here.
            if (await ledger.HeldElsewhereAsync(agentId)) return;
            await ledger.MarkMadeAwayAsync(agentId);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not read agent {AgentId}'s connections on other nodes; they stay as they are", agentId);
            return;
        }
        await SetAsync(agentId, from: AgentAvailability.Online, to: AgentAvailability.Away);
    }

    /// <summary>Only from the expected state: an agent who changed it by hand meanwhile keeps their choice.</summary>
    private async Task SetAsync(Guid agentId, AgentAvailability from, AgentAvailability to)
    {
        try
        {
            // The agent's row carries the assignment ticket: an assignment saved meanwhile conflicts with this save,
            // which is then made again on the fresh row rather than lost (the agent would stay away while here).
            // PostgreSQL may also pick this save as a deadlock's victim under load; that is retried the same way.
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == agentId);
                if (agent is null || agent.Availability != from)
                {
                    if (to == AgentAvailability.Away) await ledger.TakeMadeAwayAsync(agentId);
                    return;
                }
                agent.SetAvailability(to, clock.GetUtcNow().UtcDateTime);
                try
                {
                    await db.SaveAndPublishAsync(publisher);
                    return;
                }
                catch (DbUpdateException ex) when (attempt < 8)
                {
                    logger.LogDebug(ex, "Setting agent {AgentId} {Availability} conflicted (attempt {Attempt}); trying again", agentId, to, attempt);
                    await ConflictBackoff.WaitAsync(attempt);
                }
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not set agent {AgentId} {Availability} from their connections", agentId, to);
        }
    }

    public void Dispose()
    {
        lock (_lock)
            foreach (var timer in _leaving.Values) timer.Dispose();
    }
}
