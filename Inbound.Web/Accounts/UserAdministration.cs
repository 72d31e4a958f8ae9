using Inbound.Domain.Events;
using Inbound.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Accounts;

public sealed record TeamOption(Guid Id, string Name);

public sealed record UserRow(string UserId, string Email, string Name, Guid? AgentId, string Role, IReadOnlyList<Guid> TeamIds, int Capacity, bool Active = true);

/// <summary>What an admin changes about people: their role, their teams and how many conversations they take at once.</summary>
public sealed class UserAdministration(
    UserManager<InboundUser> users,
    IDbContextFactory<InboundDbContext> dbFactory,
    IDomainEventPublisher publisher,
    Admin.Audit.IAuditLog audit,
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
                u.AgentId is { } a && capacities.TryGetValue(a, out var c) ? c : 0,
                u.DeactivatedAt is null))
            .ToList();
    }

    /// <summary>Changes what is given (null leaves it), checks it first, and records it in the audit log.</summary>
    public async Task<Admin.AdminResult<UserRow>> ChangeAsync(Admin.Audit.Actor actor, string userId, string? role, IReadOnlyCollection<Guid>? teamIds, int? capacity,
        CancellationToken cancellationToken = default)
    {
        if (role is not null && !Roles.All.Contains(role)) return Admin.AdminResults.Invalid("role", $"Role is one of {string.Join(", ", Roles.All)}.");
        if (capacity is < 1 or > 1000) return Admin.AdminResults.Invalid("capacity", "Capacity is between 1 and 1000 open conversations.");
        var user = await users.FindByIdAsync(userId);
        if (user is null) return Admin.AdminResults.NotFound("user");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (teamIds is not null && await db.Teams.CountAsync(t => teamIds.Contains(t.Id), cancellationToken) != teamIds.Distinct().Count())
            return Admin.AdminResults.Invalid("teamIds", "One of the teams does not exist.");
        var changes = new List<string>();
        if (role is not null)
        {
            var current = await users.GetRolesAsync(user);
            if (!current.SequenceEqual([role]))
            {
                await users.RemoveFromRolesAsync(user, current);
                await users.AddToRoleAsync(user, role);
                // The role is in their cookie: they sign in again to get it.
                await users.UpdateSecurityStampAsync(user);
                changes.Add($"role {role}");
            }
        }
        if (user.AgentId is { } agentId)
        {
            var agent = await db.Agents.SingleAsync(a => a.Id == agentId, cancellationToken);
            if (capacity is { } c && c != agent.Capacity)
            {
                agent.SetCapacity(c, clock.GetUtcNow().UtcDateTime);
                changes.Add($"capacity {c}");
            }
            if (teamIds is not null)
            {
                foreach (var team in await db.Teams.Include(t => t.Members).ToListAsync(cancellationToken))
                {
                    if (teamIds.Contains(team.Id) && !team.HasMember(agentId))
                    {
                        team.AddMember(agentId, clock.GetUtcNow().UtcDateTime);
                        changes.Add($"joined {team.Name}");
                    }
                    else if (!teamIds.Contains(team.Id) && team.HasMember(agentId))
                    {
                        team.RemoveMember(agentId);
                        changes.Add($"left {team.Name}");
                    }
                }
            }
            await db.SaveAndPublishAsync(publisher, cancellationToken);
        }
        if (changes.Count > 0) await audit.RecordAsync(actor, "user.changed", $"{user.DisplayName} <{user.Email}>", string.Join("; ", changes), cancellationToken);
        return Admin.AdminResults.Done((await ListAsync(cancellationToken)).Single(r => r.UserId == userId));
    }
}
