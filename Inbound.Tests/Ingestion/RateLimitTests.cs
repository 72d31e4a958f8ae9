using System.Net;

namespace Inbound.Tests.Ingestion;

public sealed class RateLimitedApp : InboundApp
{
    public RateLimitedApp()
    {
        With("Ingestion:RateLimitPerSecond", "1");
        With("Ingestion:RateLimitBurst", "3");
    }
}

public class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task A_channel_over_its_rate_limit_gets_429_problem_details_and_keeps_what_was_accepted()
    {
        var channel = new ChannelClient(app.CreateHttpClient());
        var contact = $"noisy-{Guid.NewGuid():N}";

        // Sent at once, so that the bucket's one token a second barely refills meanwhile; the bounds allow for what it does.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => channel.SendAsync($"{contact}-{i}", contact, $"message {i}")));
        var refills = (int)Math.Ceiling(clock.Elapsed.TotalSeconds);

        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.InRange(accepted, 3, 3 + refills);
        Assert.Equal(8, accepted + responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        var limited = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited);
        await IngestionApiTests.AssertProblem(limited, HttpStatusCode.TooManyRequests, "Too many messages");
        Assert.True(limited.Headers.Contains("Retry-After"));
        var stored = await app.QueryAsync(db => Task.FromResult(db.Messages.Count(m => m.ExternalId!.StartsWith(contact))));
        Assert.Equal(accepted, stored);
    }
}
