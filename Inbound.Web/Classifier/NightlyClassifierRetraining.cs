using Microsoft.Extensions.Options;

namespace Inbound.Web.Classifier;

/// <summary>
/// Retrains the classifier once a night, so that it follows how contacts write and how teams share the work. The new
/// model replaces the approved one only when the admin allowed it and it is not worse (see the training worker).
/// </summary>
internal sealed class NightlyClassifierRetraining(ClassifierTraining training, TimeProvider clock, IOptions<ClassifierOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            await Task.Delay(NextRun(now, options.Value.NightlyAtUtc) - now, clock, stoppingToken);
            training.Request(nightly: true, clock.GetUtcNow().UtcDateTime);
        }
    }

    internal static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at)
    {
        var today = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(at), TimeSpan.Zero);
        return today > now ? today : today.AddDays(1);
    }
}
