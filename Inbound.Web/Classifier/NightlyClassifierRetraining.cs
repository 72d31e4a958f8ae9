using Microsoft.Extensions.Options;

namespace Inbound.Web.Classifier;

/// <summary>
/// Retrains the classifier once a night, so that it follows how contacts write and how teams share the work. The new
/// model replaces the approved one only when the admin allowed it and it is not worse (see the training worker).
/// </summary>
internal sealed class NightlyClassifierRetraining(ClassifierTraining training, TimeProvider clock, IOptions<ClassifierOptions> options) : BackgroundService
{
    /// <summary>The night the service waits for; set once its timer is armed, so that a test can move the clock past it.</summary>
    internal DateTimeOffset? NextRunAt { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var next = NextRun(clock.GetUtcNow(), options.Value.NightlyAtUtc);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = next - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                var night = Task.Delay(wait, clock, stoppingToken);
                NextRunAt = next;
                await night;
            }
            training.Request(nightly: true, clock.GetUtcNow().UtcDateTime);
            // The next night counts from the one just done, not from the clock: a timer that fires a moment early must
            // not find "today's" run still ahead and train twice in one night.
            var now = clock.GetUtcNow();
            next = NextRun(now > next ? now : next, options.Value.NightlyAtUtc);
        }
    }

    internal static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at)
    {
        var today = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(at), TimeSpan.Zero);
        return today > now ? today : today.AddDays(1);
    }
}
