using Inbound.Web.Data;
using Inbound.Web.Ingestion;
using Inbound.Web.Operations;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Channels.Admin;

/// <summary>
/// Keeps every node's webhook cache honest: the node where an admin saves drops the channel at once, and each node
/// checks a fingerprint of the (few) channel rows every second, dropping its cache when another node changed one.
/// A rotated secret or a disabled channel therefore takes effect everywhere within that second. With Redis the
/// directory hears other nodes' changes at once, and this check does not run.
/// </summary>
internal sealed class ChannelCacheRefresher(IDbContextFactory<InboundDbContext> dbFactory, ChannelDirectory directory, ILogger<ChannelCacheRefresher> logger,
    WorkerHeartbeats heartbeats) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (directory.HearsOtherNodes)
        {
            // Nothing to poll: other nodes' changes arrive over Redis. It idles rather than ends, since readiness counts a
            // worker that ended as a failure, and it registers no heartbeat that would never beat.
            await Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken);
            return;
        }
        var pulse = heartbeats.Register("channel-cache");
        string? last = null;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            pulse.Working();
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                var rows = await db.Channels.AsNoTracking().OrderBy(c => c.Id).ToListAsync(stoppingToken);
                var fingerprint = string.Join('\n', rows.Select(c =>
                    $"{c.Id}|{c.Key}|{c.Name}|{c.IsEnabled}|{c.Secret}|{string.Join(',', c.Settings.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}"))}"));
                if (last is not null && fingerprint != last) directory.Clear();
                last = fingerprint;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Checking channels for changes failed");
            }
            pulse.Sleeping(Interval);
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
