using Inbound.Web.Workflows.Engine;

namespace Inbound.Tests.Workflows.Engine;

public class MessageLanguagesTests
{
    private static readonly MessageLanguages Languages = new();

    [Theory]
    [InlineData("สวัสดีครับ ผมต้องการคืนสินค้า", "th", "Thai")]
    [InlineData("Hello, I would like to return my order please", "en", "English")]
    [InlineData("Hola, quiero devolver mi pedido por favor", "es", "Spanish")]
    public void The_language_of_a_message_is_detected_by_the_library(string text, string code, string name)
    {
        var detected = Languages.Detect(text);

        Assert.Equal(code, detected?.Code);
        Assert.Equal(name, detected?.Name);
    }

    [Fact]
    public void An_empty_message_has_no_language() => Assert.Null(Languages.Detect("  "));
}
