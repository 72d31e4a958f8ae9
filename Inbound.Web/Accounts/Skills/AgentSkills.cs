using Inbound.Domain.Agents;
using Inbound.Domain.Events;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Accounts.Skills;

/// <summary>An agent's skills, read and changed by admins; a change is published, so queues waiting for a skill drain.</summary>
public sealed class AgentSkills(IDbContextFactory<InboundDbContext> dbFactory, IDomainEventPublisher publisher, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> GetAsync(Guid agentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Agents.AsNoTracking().Where(a => a.Id == agentId).Select(a => a.Skills).SingleOrDefaultAsync(ct) ?? [];
    }

    /// <summary>Every skill some agent has, for suggestions in the designer and the skills dialog.</summary>
    public async Task<IReadOnlyList<string>> KnownAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lists = await db.Agents.AsNoTracking().Select(a => a.Skills).ToListAsync(ct);
        return Skill.List(lists.SelectMany(s => s));
    }

    public async Task<IReadOnlyList<string>> SetAsync(Guid agentId, IEnumerable<string> skills, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agent = await db.Agents.SingleAsync(a => a.Id == agentId, ct);
        agent.SetSkills(skills, clock.GetUtcNow().UtcDateTime);
        await db.SaveAndPublishAsync(publisher, ct);
        return agent.Skills;
    }
}
