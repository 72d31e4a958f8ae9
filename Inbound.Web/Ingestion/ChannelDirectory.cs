using System.Collections.Concurrent;
using System.Text;
using Inbound.Domain.Channels;
using Inbound.Web.Data;
using Inbound.Web.ScaleOut;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Ingestion;

/// <summary>What ingestion needs to know of a channel, cached: every webhook looks its channel up.</summary>
public sealed record ChannelInfo(Guid Id, string Key, string Name, ChannelType Type, byte[] SecretBytes)
{
    public bool IsEnabled { get; init; } = true;

    /// <summary>The provider settings (tokens, ids) webhooks need, e.g. to download a file the contact sent.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}

public sealed class ChannelDirectory
{
    private const string Topic = "channels";

    private readonly ConcurrentDictionary<string, ChannelInfo> _byKey = new(StringComparer.Ordinal);
    private readonly IDbContextFactory<InboundDbContext> dbFactory;
    private readonly NodeBus? nodes;

    public ChannelDirectory(IDbContextFactory<InboundDbContext> dbFactory, NodeBus? nodes = null)
    {
        this.dbFactory = dbFactory;
        this.nodes = nodes is { ReachesOtherNodes: true } ? nodes : null;
        // Another node changed a channel: forget it here too. Lives as long as the app.
        this.nodes?.Subscribe(Topic, key => _byKey.TryRemove(key, out _));
    }

    /// <summary>Whether other nodes hear of a change at once (Redis), so nothing needs to poll for theirs.</summary>
    public bool HearsOtherNodes => nodes is not null;

    public async ValueTask<ChannelInfo?> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (_byKey.TryGetValue(key, out var cached)) return cached;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Key == key, cancellationToken);
        if (channel is null) return null;
        var info = new ChannelInfo(channel.Id, channel.Key, channel.Name, channel.Type, Encoding.UTF8.GetBytes(channel.Secret))
        {
            IsEnabled = channel.IsEnabled,
            Settings = channel.Settings,
        };
        return _byKey.GetOrAdd(key, info);
    }

    /// <summary>Forget a channel after its secret or key changed, here and on every other node.</summary>
    public void Invalidate(string key)
    {
        _byKey.TryRemove(key, out _);
        nodes?.Publish(Topic, key);
    }

    /// <summary>Forget every channel: another node changed one.</summary>
    public void Clear() => _byKey.Clear();
}
