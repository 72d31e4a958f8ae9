namespace Inbound.Web.Channels.Outbox;

/// <summary>
/// One outbound message still to hand to its channel. It is written in the same SaveChanges as the message (see
/// <see cref="OutboxWriter"/>), so a stored reply is never without it; its id is the message's, which is also the
/// idempotency key sent to providers that honour one.
/// </summary>
public sealed class OutboxEntry
{
    private OutboxEntry() { }

    public OutboxEntry(Guid messageId, Guid channelId, DateTime now)
    {
        Id = messageId;
        ChannelId = channelId;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    /// <summary>
    /// A status change for a custom channel's outbound URL (<see cref="Custom.CustomChannelNotice"/> as JSON) instead
    /// of a message: it rides the same retries and restarts as replies do.
    /// </summary>
    public static OutboxEntry ForNotice(Guid channelId, string notice, DateTime now) =>
        new(Guid.CreateVersion7(), channelId, now) { Notice = notice };

    /// <summary>The message's id (a notice's own id).</summary>
    public Guid Id { get; private set; }
    public Guid ChannelId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }

    /// <summary>The claim that holds it (one sender round of one node) and until when; an expired lease is free to take.</summary>
    public string? LeaseOwner { get; private set; }
    public DateTime? LeaseUntil { get; private set; }

    public string? Notice { get; private set; }

    public DateTime? CompletedAt { get; private set; }
    public string? LastError { get; private set; }

    public void Complete(DateTime now)
    {
        Attempts++;
        CompletedAt = now;
        LeaseOwner = null;
        LeaseUntil = null;
    }

    public void RetryLater(string error, DateTime at)
    {
        Attempts++;
        LastError = error;
        NextAttemptAt = at;
        LeaseOwner = null;
        LeaseUntil = null;
    }

    /// <summary>Queues it again from scratch: an agent asked for another try.</summary>
    public void Requeue(DateTime now)
    {
        Attempts = 0;
        CompletedAt = null;
        LastError = null;
        NextAttemptAt = now;
        LeaseOwner = null;
        LeaseUntil = null;
    }
}
