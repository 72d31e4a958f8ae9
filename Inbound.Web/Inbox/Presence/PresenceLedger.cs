namespace Inbound.Web.Inbox.Presence;

/// <summary>
/// What every node knows of agents' connections: which agents this node holds a connection of, whether another node
/// holds one, and which agents were made away by their connections ending (rather than by their own choice), so that
/// any node they come back on makes them online again. One node keeps it in memory; several share it in Redis.
/// </summary>
public abstract class PresenceLedger
{
    /// <summary>This node now holds at least one connection of the agent.</summary>
    public abstract Task HoldAsync(Guid agentId);

    /// <summary>This node holds no connection of the agent any more.</summary>
    public abstract Task ReleaseAsync(Guid agentId);

    /// <summary>Whether another node holds a connection of the agent.</summary>
    public abstract Task<bool> HeldElsewhereAsync(Guid agentId);

    public abstract Task MarkMadeAwayAsync(Guid agentId);

    /// <summary>Clears the mark; true when it was there, so whoever takes it brings the agent back once.</summary>
    public abstract Task<bool> TakeMadeAwayAsync(Guid agentId);
}

/// <summary>One node on its own: nobody else holds connections.</summary>
internal sealed class LocalPresenceLedger : PresenceLedger
{
    private readonly Lock _lock = new();
    private readonly HashSet<Guid> _madeAway = [];

    public override Task HoldAsync(Guid agentId) => Task.CompletedTask;

    public override Task ReleaseAsync(Guid agentId) => Task.CompletedTask;

    public override Task<bool> HeldElsewhereAsync(Guid agentId) => Task.FromResult(false);

    public override Task MarkMadeAwayAsync(Guid agentId)
    {
        lock (_lock) _madeAway.Add(agentId);
        return Task.CompletedTask;
    }

    public override Task<bool> TakeMadeAwayAsync(Guid agentId)
    {
        lock (_lock) return Task.FromResult(_madeAway.Remove(agentId));
    }
}
