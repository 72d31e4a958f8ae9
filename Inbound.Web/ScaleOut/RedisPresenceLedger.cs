using Inbound.Web.Inbox.Presence;
using StackExchange.Redis;

namespace Inbound.Web.ScaleOut;

/// <summary>
/// Agents' connections across nodes, in Redis: per agent a sorted set of the nodes holding one of their connections,
/// scored by when that claim lapses. Each node renews its claims every <see cref="Renew"/>; a node killed without
/// releasing them stops renewing, and its claims lapse after <see cref="Lease"/>, so its agents can become away.
/// </summary>
internal sealed class RedisPresenceLedger : PresenceLedger, IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Renew = TimeSpan.FromSeconds(10);

    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;
    private readonly TimeProvider _clock;
    private readonly ILogger<RedisPresenceLedger> _logger;
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly Lock _lock = new();
    private readonly HashSet<Guid> _held = [];
    private readonly ITimer _renewal;

    public RedisPresenceLedger(IConnectionMultiplexer redis, string prefix, TimeProvider clock, ILogger<RedisPresenceLedger> logger)
    {
        (_redis, _prefix, _clock, _logger) = (redis, prefix, clock, logger);
        _renewal = clock.CreateTimer(_ => _ = RenewAsync(), null, Renew, Renew);
    }

    private IDatabase Db => _redis.GetDatabase();

    private RedisKey Holders(Guid agentId) => $"{_prefix}:presence:{agentId:N}";

    private RedisKey MadeAway => $"{_prefix}:presence:made-away";

    private double LapsesAt() => (_clock.GetUtcNow() + Lease).ToUnixTimeMilliseconds();

    public override async Task HoldAsync(Guid agentId)
    {
        lock (_lock) _held.Add(agentId);
        await Db.SortedSetAddAsync(Holders(agentId), _node, LapsesAt());
        await Db.KeyExpireAsync(Holders(agentId), Lease * 2);
    }

    public override async Task ReleaseAsync(Guid agentId)
    {
        lock (_lock) _held.Remove(agentId);
        await Db.SortedSetRemoveAsync(Holders(agentId), _node);
    }

    public override async Task<bool> HeldElsewhereAsync(Guid agentId)
    {
        var live = await Db.SortedSetRangeByScoreAsync(Holders(agentId), _clock.GetUtcNow().ToUnixTimeMilliseconds(), double.PositiveInfinity);
        return live.Any(node => node != _node);
    }

    public override Task MarkMadeAwayAsync(Guid agentId) => Db.SetAddAsync(MadeAway, agentId.ToString("N"));

    public override Task<bool> TakeMadeAwayAsync(Guid agentId) => Db.SetRemoveAsync(MadeAway, agentId.ToString("N"));

    private async Task RenewAsync()
    {
        Guid[] held;
        lock (_lock) held = [.. _held];
        try
        {
            foreach (var agentId in held)
            {
                await Db.SortedSetAddAsync(Holders(agentId), _node, LapsesAt());
                await Db.KeyExpireAsync(Holders(agentId), Lease * 2);
            }
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Renewing this node's presence claims in Redis failed; they are renewed on the next round");
        }
    }

    public void Dispose() => _renewal.Dispose();
}
