namespace Inbound.Domain.Contacts;

/// <summary>Who the contact is on one channel: (channel, external id) is unique across contacts.</summary>
public sealed class ContactIdentity
{
    private ContactIdentity() { ExternalId = ""; }

    internal ContactIdentity(Guid contactId, Guid channelId, string externalId)
    {
        ContactId = contactId;
        ChannelId = channelId;
        ExternalId = externalId;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public Guid ContactId { get; private set; }
    public Guid ChannelId { get; private set; }
    public string ExternalId { get; private set; }

    internal void MoveTo(Guid contactId) => ContactId = contactId;

    internal void Rename(string externalId) => ExternalId = externalId;
}
