namespace Inbound.Web.Contacts.Blocking;

public enum BlockKind
{
    /// <summary>A contact: <see cref="Block.Value"/> is their id.</summary>
    Contact,

    /// <summary>A client address (IP) of the web chat: every visitor writing from it.</summary>
    Address,
}

/// <summary>
/// Someone whose messages are refused quietly: they are not told, nothing is stored, and each refusal is counted here
/// so that the people who blocked them can see it still goes on. Unblocking deletes the row.
/// </summary>
public sealed class Block
{
    private Block() { Value = BlockedBy = ""; }

    public Block(BlockKind kind, string value, string label, string blockedBy, DateTime at)
    {
        Kind = kind;
        Value = value;
        Label = label;
        BlockedBy = blockedBy;
        BlockedAt = at;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public BlockKind Kind { get; private set; }
    public string Value { get; private set; }

    /// <summary>What people call the blocked one (the contact's name when blocked), for the audit trail and lists.</summary>
    public string Label { get; private set; } = "";

    public string BlockedBy { get; private set; }
    public DateTime BlockedAt { get; private set; }
    public int RefusedMessages { get; private set; }
    public DateTime? LastRefusedAt { get; private set; }
}
