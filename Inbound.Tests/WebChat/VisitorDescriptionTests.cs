using Inbound.Web.WebChat;

namespace Inbound.Tests.WebChat;

/// <summary>How an agent sees a visitor who said nothing about themselves: a readable name, their browser.</summary>
public class VisitorDescriptionTests
{
    [Fact]
    public void A_visitor_without_a_name_gets_a_short_number_that_stays_the_same_for_their_browser()
    {
        var name = VisitorNames.For("7b6db57f1b6845ecb22ef7eb0823e64e", "Visitor {number}");

        Assert.Matches(@"^Visitor \d{4}$", name);
        Assert.Equal(name, VisitorNames.For("7b6db57f1b6845ecb22ef7eb0823e64e", "Visitor {number}"));
        Assert.NotEqual(name, VisitorNames.For("0c1d2e3f", "Visitor {number}"));
        Assert.Matches(@"^Besucher \d{4}$", VisitorNames.For("0c1d2e3f", "Besucher"));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome 131 on Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86", "Edge 131 on Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari 18 on iOS")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox 133 on Linux")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome 131 on Android")]
    [InlineData("", "Unknown browser")]
    public void The_browser_is_told_in_a_few_words(string userAgent, string expected)
    {
        Assert.Equal(expected, VisitorBrowser.Describe(userAgent));
    }
}
