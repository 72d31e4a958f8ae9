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

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await channel.SendAsync($"{contact}-{i}", contact, $"message {i}");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited ??= response;
            else response.Dispose();
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.NotNull(limited);
        await IngestionApiTests.AssertProblem(limited, HttpStatusCode.TooManyRequests, "Too many messages");
        Assert.True(limited.Headers.Contains("Retry-After"));
        var stored = await app.QueryAsync(db => Task.FromResult(db.Messages.Count(m => m.ExternalId!.StartsWith(contact))));
        Assert.Equal(3, stored);
    }
}
