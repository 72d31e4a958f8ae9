namespace Inbound.Domain.Workflows.Runs;

/// <summary>
/// The variables steps can use: contact.name / .email / .phone / .tags / .fields.X, conversation.id / .source,
/// channel.key, message.text, queue.position, team.name, agent.name, hours.opens (set by a closed Business hours step),
/// and the run's own variables (answers, HTTP results).
/// </summary>
public static class RunVariables
{
    public const string DefaultContactNameFallback = "there";

    public static string Render(string? template, WorkflowRun run, IRunContext context) =>
        TemplateRenderer.Render(template, name => Resolve(name, run, context));

    public static string? Resolve(string name, WorkflowRun run, IRunContext context)
    {
        const string fields = "contact.fields.";
        if (name.StartsWith(fields, StringComparison.OrdinalIgnoreCase)) return context.Contact.GetField(name[fields.Length..]);
        return name.ToLowerInvariant() switch
        {
            // A stand-in such as "Visitor 4821" is for the inbox, not for greeting the visitor.
            "contact.name" => context.Contact.IsAnonymous ? context.ContactNameFallback : context.Contact.Name,
            "contact.email" => context.Contact.Email,
            "contact.phone" => context.Contact.Phone,
            "contact.tags" => string.Join(", ", context.Contact.Tags),
            "contact.id" => context.Contact.Id.ToString(),
            "conversation.id" => context.Conversation.Id.ToString(),
            "conversation.source" => context.Conversation.Source.ToString(),
            "channel" or "channel.key" => context.ChannelKey,
            "message.text" => context.LastMessageText,
            "queue.position" => context.QueuePosition?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "team.name" => context.Conversation.TeamId is { } team ? context.Names.Team(team) : null,
            "agent.name" => context.Conversation.AssigneeId is { } agent ? context.Names.Agent(agent) : null,
            _ => run.Variables.TryGetValue(name, out var value) ? value : null,
        };
    }
}
