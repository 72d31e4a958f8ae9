using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Web.Classifier;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Classifier;

/// <summary>A workspace's past for the classifier to learn from, and a workflow that routes by what it predicts.</summary>
public static class ClassifierHistory
{
    /// <summary>Writes closed conversations with the domain: the contact's message, the team that took it, the close.</summary>
    public static async Task ClosedConversationsAsync(this InboundApp app, IEnumerable<TrainingSample> past)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        var channelId = await db.Channels.Where(c => c.Key == InboundApp.ApiChannelKey).Select(c => c.Id).SingleAsync();
        var teams = await db.Teams.ToDictionaryAsync(t => t.Name, t => t.Id);
        var at = DateTime.UtcNow.AddDays(-30);
        foreach (var sample in past)
        {
            at = at.AddMinutes(5);
            var contact = Contact.FromChannel(channelId, $"past-{Guid.NewGuid():N}", "Past contact", null, null, at);
            var conversation = Conversation.Open(contact.Id, channelId, ConversationSource.Contact, at);
            db.AddRange(contact, conversation, conversation.ReceiveFromContact(sample.Text, null, at));
            conversation.RouteToTeam(teams[sample.Label], at);
            conversation.Close(new ClosingNote("Resolved", "Answered"), null, at.AddMinutes(2));
        }
        await db.SaveChangesAsync();
    }

    /// <summary>trigger → classify → assign to the predicted team (queued when nobody is free) → end; unsure → end.</summary>
    public static WorkflowDefinition RouteByTopic(IReadOnlyList<string> labels, IReadOnlyDictionary<string, Guid> teams)
    {
        var definition = new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" })
            .Add(new ClassifyStep { Id = "classify", Labels = [.. labels], Threshold = 0.4 })
            .Add(new EndStep { Id = "end" })
            .Connect("trigger", Outcomes.Next, "classify")
            .Connect("classify", Outcomes.Unsure, "end");
        foreach (var label in labels)
            definition.Add(new AssignToStep { Id = $"assign-{label}", TeamId = teams[label], QueueWhenNobodyAvailable = true })
                .Connect("classify", Outcomes.Label(label), $"assign-{label}")
                .Connect($"assign-{label}", Outcomes.Assigned, "end")
                .Connect($"assign-{label}", Outcomes.NobodyAvailable, "end");
        return definition;
    }
}
