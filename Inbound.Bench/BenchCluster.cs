using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Bench;

/// <summary>
/// The app as the scenario runs it: one node, or <see cref="Nodes"/> nodes on one PostgreSQL database and one Redis
/// (the --providers comparison's last row), each on its own loopback port with a sender that spreads messages over
/// them. In one process, so the nodes share the machine's cores as two processes on one host would.
/// </summary>
public sealed class BenchCluster : IAsyncDisposable
{
    /// <summary>How many nodes the next clusters start; more than one needs <see cref="Redis"/> and PostgreSQL.</summary>
    public static int Nodes { get; set; } = 1;

    /// <summary>Redis host:port for a cluster of several nodes.</summary>
    public static string? Redis { get; set; }

    private readonly List<BenchApp> _apps;

    private BenchCluster(List<BenchApp> apps)
    {
        _apps = apps;
        Sender = new SignedSender(apps.Select(a => a.BaseAddress).ToList());
    }

    /// <summary>The first node's services: what a scenario prepares is in the shared database, whichever node writes it.</summary>
    public IServiceProvider Services => _apps[0].Services;

    public SignedSender Sender { get; }

    public static BenchCluster Start(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        if (Nodes == 1) return new BenchCluster([BenchApp.Start(settings, services)]);
        if (BenchApp.PostgreSqlServer is null || Redis is null)
            throw new InvalidOperationException("Several nodes need PostgreSQL (--postgres) and Redis (--redis or INBOUND_TEST_REDIS).");
        var shared = new Dictionary<string, string?>(settings)
        {
            ["Redis:Connection"] = Redis,
            ["Redis:Prefix"] = $"bench-{Guid.NewGuid():N}",
        };
        var first = BenchApp.Start(shared, services);
        var apps = new List<BenchApp> { first };
        for (var i = 1; i < Nodes; i++) apps.Add(BenchApp.Start(shared, services, first.Database));
        return new BenchCluster(apps);
    }

    public async ValueTask DisposeAsync()
    {
        // The first node owns the database: it goes last.
        for (var i = _apps.Count - 1; i >= 0; i--) await _apps[i].DisposeAsync();
    }
}
