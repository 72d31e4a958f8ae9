namespace Inbound.Domain.Conversations;

/// <summary>The lifecycle rule for a contact's message: it joins the open conversation, or opens one when none is open.</summary>
public static class InboundMessageRouting
{
    public static InboundMessageResult Receive(Guid contactId, Guid channelId, Conversation? openConversation, string body, string? externalId, DateTime now,
        IReadOnlyList<Guid>? attachmentIds = null)
    {
        var opened = openConversation is not { IsOpen: true };
        var conversation = opened
            ? Conversation.Open(contactId, channelId, ConversationSource.Contact, now, openConversation)
            : openConversation!;
        var message = conversation.ReceiveFromContact(body, externalId, now, attachmentIds);
        return new InboundMessageResult(conversation, message, opened);
    }
}

public sealed record InboundMessageResult(Conversation Conversation, Message Message, bool Opened);
