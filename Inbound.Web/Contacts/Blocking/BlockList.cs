using Inbound.Web.Admin.Audit;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Contacts.Blocking;

/// <summary>Whether a contact and the address they write from are blocked, and the refusals counted since.</summary>
public sealed record BlockStatus(bool ContactBlocked, bool AddressBlocked, int RefusedMessages);

/// <summary>
/// Blocks and unblocks contacts and web chat addresses (both audited), and answers whether a message must be refused.
/// Read from the database on every message rather than cached, so that a block made on one node holds on all.
/// </summary>
public sealed class BlockList(IDbContextFactory<InboundDbContext> dbFactory, IAuditLog audit, TimeProvider clock)
{
    public async Task<BlockStatus> StatusAsync(Guid contactId, string? address, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var blocks = await Matching(db, contactId, address).AsNoTracking().ToListAsync(ct);
        return new BlockStatus(blocks.Any(b => b.Kind == BlockKind.Contact), blocks.Any(b => b.Kind == BlockKind.Address), blocks.Sum(b => b.RefusedMessages));
    }

    public Task BlockContactAsync(Actor actor, Guid contactId, string contactName, CancellationToken ct = default) =>
        BlockAsync(actor, BlockKind.Contact, contactId.ToString(), contactName, "contact.blocked", $"Contact {contactName}", ct);

    public Task UnblockContactAsync(Actor actor, Guid contactId, string contactName, CancellationToken ct = default) =>
        UnblockAsync(actor, BlockKind.Contact, contactId.ToString(), "contact.unblocked", $"Contact {contactName}", ct);

    /// <param name="contactName">The contact whose panel the address was blocked from, for the audit trail.</param>
    public Task BlockAddressAsync(Actor actor, string address, string contactName, CancellationToken ct = default) =>
        BlockAsync(actor, BlockKind.Address, address, $"{address} (seen on {contactName})", "address.blocked", $"Address {address}", ct);

    public Task UnblockAddressAsync(Actor actor, string address, CancellationToken ct = default) =>
        UnblockAsync(actor, BlockKind.Address, address, "address.unblocked", $"Address {address}", ct);

    /// <summary>True when the contact or the address is blocked; the refusal is then counted on the block.</summary>
    public async Task<bool> RefusesAsync(Guid? contactId, string? address, CancellationToken ct = default)
    {
        if (contactId is null && address is null) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var counted = await Matching(db, contactId, address).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.RefusedMessages, b => b.RefusedMessages + 1)
            .SetProperty(b => b.LastRefusedAt, now), ct);
        return counted > 0;
    }

    /// <summary>Which of these contacts are blocked: one query for a whole ingestion batch.</summary>
    internal static async Task<IReadOnlySet<Guid>> BlockedContactsAsync(InboundDbContext db, IEnumerable<Guid> contactIds, CancellationToken ct)
    {
        var values = contactIds.Select(id => id.ToString()).Distinct().ToList();
        if (values.Count == 0) return new HashSet<Guid>();
        var blocked = await db.Set<Block>().AsNoTracking()
            .Where(b => b.Kind == BlockKind.Contact && values.Contains(b.Value)).Select(b => b.Value).ToListAsync(ct);
        return blocked.Select(Guid.Parse).ToHashSet();
    }

    /// <summary>Counts messages refused by ingestion on the contact's block, in the batch's own transaction.</summary>
    internal static Task CountRefusedAsync(InboundDbContext db, Guid contactId, int count, DateTime now, CancellationToken ct)
    {
        var value = contactId.ToString();
        return db.Set<Block>().Where(b => b.Kind == BlockKind.Contact && b.Value == value).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.RefusedMessages, b => b.RefusedMessages + count)
            .SetProperty(b => b.LastRefusedAt, now), ct);
    }

    private static IQueryable<Block> Matching(InboundDbContext db, Guid? contactId, string? address)
    {
        var contact = contactId?.ToString();
        return db.Set<Block>().Where(b => (b.Kind == BlockKind.Contact && b.Value == contact) || (b.Kind == BlockKind.Address && b.Value == address));
    }

    private async Task BlockAsync(Actor actor, BlockKind kind, string value, string label, string action, string subject, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Set<Block>().AnyAsync(b => b.Kind == kind && b.Value == value, ct)) return;
            db.Set<Block>().Add(new Block(kind, value, label, actor.Name, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
        }
        await audit.RecordAsync(actor, action, subject, "Further messages are refused quietly.", ct);
    }

    private async Task UnblockAsync(Actor actor, BlockKind kind, string value, string action, string subject, CancellationToken ct)
    {
        int removed;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            removed = await db.Set<Block>().Where(b => b.Kind == kind && b.Value == value).ExecuteDeleteAsync(ct);
        if (removed > 0) await audit.RecordAsync(actor, action, subject, "", ct);
    }
}
