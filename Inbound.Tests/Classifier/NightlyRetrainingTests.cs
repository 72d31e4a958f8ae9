using Inbound.Web.Classifier;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Inbound.Tests.Classifier;

/// <summary>The nightly retraining asks for one training a night, at the set time, on a clock the test moves.</summary>
public sealed class NightlyRetrainingTests
{
    // Tuesday evening; the retraining is set for 02:30 UTC.
    private static readonly DateTimeOffset Evening = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstNight = new(2026, 12, 2, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task It_asks_for_one_nightly_training_at_the_set_time_not_before_and_not_twice_in_a_night()
    {
        var clock = new FakeTimeProvider(Evening);
        var training = new ClassifierTraining();
        using var nightly = new NightlyClassifierRetraining(training, clock, Options.Create(new ClassifierOptions { NightlyAtUtc = new TimeOnly(2, 30) }));
        await nightly.StartAsync(CancellationToken.None);
        await ArmedForAsync(nightly, FirstNight);

        clock.Advance(FirstNight - Evening - TimeSpan.FromSeconds(1));
        Assert.False(training.Requests.TryRead(out _), "no training before 02:30");
        Assert.Equal(FirstNight, nightly.NextRunAt);

        clock.Advance(TimeSpan.FromSeconds(1));
        await ArmedForAsync(nightly, FirstNight.AddDays(1));
        Assert.True(training.Requests.TryRead(out var request));
        Assert.True(request.Nightly);
        Assert.False(training.Requests.TryRead(out _), "one training for the night");
        // As the training worker does when it has stored the model.
        training.Report(new TrainingState(TrainingPhase.Done, clock.GetUtcNow().UtcDateTime));

        // The rest of the day and the next evening: nothing, until the next night's 02:30.
        clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        Assert.False(training.Requests.TryRead(out _), "nothing more the same day");
        clock.Advance(TimeSpan.FromMinutes(1));
        await ArmedForAsync(nightly, FirstNight.AddDays(2));
        Assert.True(training.Requests.TryRead(out var second));
        Assert.True(second.Nightly);
        Assert.False(training.Requests.TryRead(out _));

        await nightly.StopAsync(CancellationToken.None);
    }

    private static Task ArmedForAsync(NightlyClassifierRetraining nightly, DateTimeOffset night) =>
        Eventually.TrueAsync(() => Task.FromResult(nightly.NextRunAt == night), $"the retraining to wait for {night:u}");
}
