using Inbound.Domain.Channels;
using Inbound.Domain.SeedWork;

namespace Inbound.Tests.Domain;

public class MessageTemplateTests
{
    [Fact]
    public void A_template_renders_its_numbered_parameters_with_the_agents_values()
    {
        var template = new MessageTemplate("order_update", "en_US", "Hi {{1}}, your order {{2}} has shipped. Thanks, {{1}}!");

        Assert.Equal(2, template.ParameterCount);
        Assert.Equal("Hi Sheena, your order #1042 has shipped. Thanks, Sheena!", template.Render(["Sheena", " #1042 "]));
    }

    [Fact]
    public void Missing_or_empty_values_are_refused()
    {
        var template = new MessageTemplate("order_update", "en_US", "Hi {{1}}, your order {{2}} has shipped.");

        Assert.Throws<DomainException>(() => template.Render(["Sheena"]));
        Assert.Throws<DomainException>(() => template.Render(["Sheena", " "]));
    }

    [Theory]
    [InlineData("Order Update", "en_US", "Hi")]
    [InlineData("order_update", "", "Hi")]
    [InlineData("order_update", "en_US", "")]
    public void A_template_needs_the_approved_name_its_language_and_a_body(string name, string language, string body) =>
        Assert.Throws<DomainException>(() => new MessageTemplate(name, language, body));

    [Fact]
    public void Only_a_WhatsApp_channel_keeps_templates_and_each_name_and_language_once()
    {
        var hello = new MessageTemplate("hello_again", "en_US", "Hello again!");
        var whatsapp = new Channel("wa", "WhatsApp", ChannelType.WhatsApp, "whatsapp-secret-0000");
        var telegram = new Channel("tg", "Telegram", ChannelType.Telegram, "telegram-secret-0000");

        whatsapp.SetTemplates([hello, new MessageTemplate("hello_again", "es", "¡Hola de nuevo!")]);

        Assert.Equal(2, whatsapp.Templates.Count);
        Assert.Throws<DomainException>(() => whatsapp.SetTemplates([hello, hello]));
        Assert.Throws<DomainException>(() => telegram.SetTemplates([hello]));
    }
}
