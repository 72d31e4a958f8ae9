using Inbound.Domain.Agents;
using Inbound.Domain.Channels;
using Inbound.Domain.Teams;
using Inbound.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Data.Seeding;

/// <summary>Writes the demo data once: it does nothing when teams already exist.</summary>
public sealed class DemoSeeder(
    InboundDbContext db,
    UserManager<InboundUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<SeedOptions> options,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var seed = options.Value;
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        if (!seed.Enabled || await db.Teams.AnyAsync(cancellationToken)) return;

        foreach (var c in seed.Channels)
        {
            var channel = new Channel(c.Key, c.Name, c.Type, c.Secret);
            foreach (var (name, value) in c.Settings) channel.Configure(name, value);
            db.Channels.Add(channel);
        }

        var teams = DemoAccounts.Teams.ToDictionary(name => name, name => new Team(name));
        db.Teams.AddRange(teams.Values);

        var agents = new List<(DemoAccounts.DemoAccount Account, Agent Agent)>();
        foreach (var account in DemoAccounts.All)
        {
            var agent = new Agent(account.Name, account.Email, account.Capacity);
            db.Agents.Add(agent);
            foreach (var team in account.Teams) teams[team].AddMember(agent.Id);
            agents.Add((account, agent));
        }
        if (seed.DemoWorkflow)
        {
            db.Workflows.Add(Workflows.DemoWorkflows.InboundConversations(teams.ToDictionary(t => t.Key, t => t.Value.Id), clock.GetUtcNow().UtcDateTime));
            db.Workflows.Add(Workflows.DemoWorkflows.MarkAsVip(clock.GetUtcNow().UtcDateTime));
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (account, agent) in agents)
        {
            var user = new InboundUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.Name, AgentId = agent.Id };
            var created = await users.CreateAsync(user, seed.DemoPassword);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Could not seed {account.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, account.Role);
        }
        logger.LogInformation("Seeded demo data: {Teams} teams, {Accounts} accounts, {Channels} channels", teams.Count, agents.Count, seed.Channels.Count);
    }
}
