using Inbound.Web.Inbox.Presence;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace Inbound.Web.ScaleOut;

public static class ScaleOutExtensions
{
    /// <summary>
    /// With <c>Redis:Connection</c> set, the node joins the others on that Redis: hub clients hear every node's events
    /// (the SignalR backplane), pages and caches hear them through <see cref="NodeBus"/>, agents' connections are counted
/// across nodes (<see cref="RedisPresenceLedger"/>), and the keys that protect
    /// sign-in cookies are shared, so a cookie made by one node is valid on all. Without it the node is on its own.
    /// Call after AddInboundData, whose key folder this replaces.
    /// </summary>
    public static IHostApplicationBuilder AddScaleOut(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section);
        var options = builder.Configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        if (string.IsNullOrWhiteSpace(options.Connection))
        {
            builder.Services.AddSingleton<NodeBus, SingleNodeBus>();
            return builder;
        }

        var configuration = ConfigurationOptions.Parse(options.Connection);
        // A node that starts while Redis restarts keeps trying instead of failing its start.
        configuration.AbortOnConnectFail = false;
        var redis = ConnectionMultiplexer.Connect(configuration);
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
        builder.Services.AddSingleton<NodeBus>(s => new RedisNodeBus(redis, options.Prefix, s.GetRequiredService<ILogger<RedisNodeBus>>()));
        builder.Services.AddSingleton<PresenceLedger>(s => new RedisPresenceLedger(redis, options.Prefix, s.GetRequiredService<TimeProvider>(),
            s.GetRequiredService<ILogger<RedisPresenceLedger>>()));
        builder.Services.AddSignalR().AddStackExchangeRedis(o =>
        {
            o.ConnectionFactory = _ => Task.FromResult<IConnectionMultiplexer>(redis);
            o.Configuration.ChannelPrefix = RedisChannel.Literal($"{options.Prefix}:signalr");
        });
        builder.Services.AddDataProtection().PersistKeysToStackExchangeRedis(redis, $"{options.Prefix}:data-protection-keys");
        return builder;
    }
}
