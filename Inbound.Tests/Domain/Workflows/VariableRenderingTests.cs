using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Tests.Domain.Workflows;

public class VariableRenderingTests
{
    private readonly FakeRunContext _context = new();

    private string Render(string template, WorkflowRun? run = null) =>
        RunVariables.Render(template, run ?? new WorkflowRun(Guid.NewGuid(), "T", Guid.NewGuid(), 1, _context.Conversation.Id, _context.Contact.Id, null, "t", _context.Now), _context);

    [Fact]
    public void Contact_variables_render_with_their_values()
    {
        _context.Contact.SetField("Topic", "Billing");
        _context.Contact.AddTag("vip");

        Assert.Equal("Hi Maria Lopez (maria@example.com), about Billing [vip]",
            Render("Hi {{contact.name}} ({{ contact.email }}), about {{contact.fields.Topic}} [{{contact.tags}}]"));
    }

    [Fact]
    public void Queue_team_channel_and_message_variables_render()
    {
        var team = Guid.NewGuid();
        _context.Names = new WorkflowNames(new Dictionary<Guid, string> { [team] = "Support" }, new Dictionary<Guid, string>());
        _context.Conversation.RouteToTeam(team, _context.Now);
        _context.QueuePosition = 4;

        Assert.Equal("#4 for Support on webchat: Hello", Render("#{{queue.position}} for {{team.name}} on {{channel.key}}: {{message.text}}"));
    }

    [Fact]
    public void Run_variables_render_and_unknown_names_render_as_nothing()
    {
        var run = new WorkflowRun(Guid.NewGuid(), "T", Guid.NewGuid(), 1, _context.Conversation.Id, _context.Contact.Id, null, "t", _context.Now);
        run.SetVariable("answer", "42");

        Assert.Equal("You said 42.", Render("You said {{answer}}.{{nope}}{{contact.fields.Missing}}", run));
    }

    [Fact]
    public void Text_without_placeholders_is_returned_as_is() => Assert.Equal("Plain {text}", Render("Plain {text}"));

    [Fact]
    public void A_template_splits_into_its_text_and_the_names_of_its_placeholders_in_order()
    {
        Assert.Equal(
            [new TemplatePart("Hi ", false), new TemplatePart("contact.name", true), new TemplatePart(", you are #", false), new TemplatePart("queue.position", true)],
            TemplateRenderer.Parts("Hi {{contact.name}}, you are #{{ queue.position }}"));
        Assert.Equal([new TemplatePart("No placeholder {here}", false)], TemplateRenderer.Parts("No placeholder {here}"));
        Assert.Empty(TemplateRenderer.Parts(""));
    }
}
