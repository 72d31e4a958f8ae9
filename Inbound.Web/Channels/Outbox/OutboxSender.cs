using Inbound.Web.Operations;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.Outbox;

/// <summary>
/// The background sender: claims what is due, hands the round to <see cref="OutboxDelivery"/> and goes back to
/// waiting for a commit on this node or the next poll. Everything it needs is in the database, so after a restart
/// it simply carries on; a row claimed by a node that died is taken again once its lease runs out.
/// </summary>
internal sealed class OutboxSender(
    OutboxClaims claims,
    OutboxDelivery delivery,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxSender> logger,
    WorkerHeartbeats heartbeats) : BackgroundService
{
    private readonly WorkerHeartbeat _pulse = heartbeats.Register("outbox");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _pulse.Working();
                var claimed = await claims.ClaimAsync(stoppingToken);
                if (claimed.Count > 0)
                {
                    await delivery.DeliverAsync(claimed, stoppingToken);
                    // A full batch means more may be due: look again at once.
                    if (claimed.Count >= settings.BatchSize) continue;
                }
                _pulse.Sleeping(settings.PollInterval);
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A locked database or a bug in one round must not stop delivery for good.
                logger.LogError(ex, "Outbox round failed; trying again shortly");
                _pulse.Sleeping(settings.PollInterval);
                try { await Task.Delay(settings.PollInterval, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }
}
