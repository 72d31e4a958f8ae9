using Inbound.Web.Channels.Line;

namespace Inbound.Tests.Channels;

/// <summary>LINE answers 429 both to a burst over the rate limit and to an exhausted monthly quota; only one is worth retrying.</summary>
public class LineErrorsTests
{
    [Fact]
    public void A_burst_over_the_rate_limit_is_retried_later()
    {
        var result = LineErrors.Classify(429, """{"message":"The API rate limit has been exceeded. Try again later."}""");

        Assert.False(result.Permanent);
        Assert.Contains("rate limit", result.Error);
    }

    [Fact]
    public void An_exhausted_monthly_quota_fails_the_message_at_once_with_the_reason()
    {
        var result = LineErrors.Classify(429, """{"message":"You have reached your monthly limit."}""");

        Assert.True(result.Permanent);
        Assert.Contains("monthly message quota is used up", result.Error);
    }

    [Fact]
    public void A_refused_message_says_what_LINE_objected_to()
    {
        var result = LineErrors.Classify(400, """{"message":"The request body has 1 error(s)","details":[{"message":"May not be empty","property":"messages[0].text"}]}""");

        Assert.True(result.Permanent);
        Assert.Equal("LINE refused the message (400): The request body has 1 error(s)", result.Error);
    }
}
