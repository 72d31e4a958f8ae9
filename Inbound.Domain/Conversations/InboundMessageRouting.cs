namespace Inbound.Domain.Conversations;

/// <summary>
/// The lifecycle rule for a contact's message: it joins the open conversation, or answers the rating question of a
/// closed one within its window, or opens one.
/// </summary>
public static class InboundMessageRouting
{
    /// <param name="awaitingRating">The contact's closed conversation that asked for a rating, if any.</param>
    public static InboundMessageResult Receive(Guid contactId, Guid channelId, Conversation? openConversation, string body, string? externalId, DateTime now,
        IReadOnlyList<Guid>? attachmentIds = null, Conversation? awaitingRating = null)
    {
        if (openConversation is not { IsOpen: true } && awaitingRating is { } rated && rated.ContactId == contactId && rated.AwaitsCsatAt(now))
            return new InboundMessageResult(rated, rated.ReceiveCsatAnswer(body, externalId, now), false);
        var opened = openConversation is not { IsOpen: true };
        var conversation = opened
            ? Conversation.Open(contactId, channelId, ConversationSource.Contact, now, openConversation)
            : openConversation!;
        var message = conversation.ReceiveFromContact(body, externalId, now, attachmentIds);
        return new InboundMessageResult(conversation, message, opened);
    }
}

public sealed record InboundMessageResult(Conversation Conversation, Message Message, bool Opened);
