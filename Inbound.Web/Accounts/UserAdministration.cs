using Inbound.Domain.Events;
using Inbound.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Accounts;

public sealed record TeamOption(Guid Id, string Name);

public sealed record UserRow(string UserId, string Email, string Name, Guid? AgentId, string Role, IReadOnlyList<Guid> TeamIds, int Capacity);

/// <summary>What an admin changes about people: their role, their teams and how many conversations they take at once.</summary>
public sealed class UserAdministration(
    UserManager<InboundUser> users,
    IDbContextFactory<InboundDbContext> dbFactory,
    IDomainEventPublisher publisher,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<TeamOption>> TeamsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamOption(t.Id, t.Name)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var members = await db.TeamMembers.AsNoTracking().ToListAsync(cancellationToken);
        var capacities = await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Capacity, cancellationToken);
        return accounts.Select(u => new UserRow(
                u.Id, u.Email ?? "", u.DisplayName, u.AgentId,
                roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? Roles.Agent,
                members.Where(m => m.AgentId == u.AgentId).Select(m => m.TeamId).ToList(),
                u.AgentId is { } a && capacities.TryGetValue(a, out var c) ? c : 0))
            .ToList();
    }

    public async Task UpdateAsync(string userId, string role, IReadOnlyCollection<Guid> teamIds, int capacity, CancellationToken cancellationToken = default)
    {
        if (!Roles.All.Contains(role)) throw new Domain.SeedWork.DomainException($"Unknown role '{role}'.");
        var user = await users.FindByIdAsync(userId) ?? throw new Domain.SeedWork.DomainException("No such user.");
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([role]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, role);
        }

        if (user.AgentId is not { } agentId) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agent = await db.Agents.SingleAsync(a => a.Id == agentId, cancellationToken);
        agent.SetCapacity(capacity, clock.GetUtcNow().UtcDateTime);
        foreach (var team in await db.Teams.Include(t => t.Members).ToListAsync(cancellationToken))
        {
            if (teamIds.Contains(team.Id)) team.AddMember(agentId);
            else team.RemoveMember(agentId);
        }
        await db.SaveAndPublishAsync(publisher, cancellationToken);
    }
}
