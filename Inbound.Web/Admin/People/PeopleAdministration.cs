using Inbound.Domain.Agents;
using Inbound.Domain.Assignment;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Domain.SeedWork;
using Inbound.Domain.Texts;
using Inbound.Domain.Workflows;
using Inbound.Web.Accounts;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using static Inbound.Web.Admin.AdminResults;

namespace Inbound.Web.Admin.People;

/// <summary>
/// Brings people into the workspace and takes them out: accounts with a role and an agent record, invite links that
/// set a password, deactivation that ends every session and hands their open conversations back to their teams.
/// </summary>
public sealed class PeopleAdministration(
    UserManager<InboundUser> users,
    IDbContextFactory<InboundDbContext> dbFactory,
    IDomainEventPublisher publisher,
    SignedOutUsers signedOut,
    IAuditLog audit,
    TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <param name="appBase">The app's address, for the invite link (e.g. https://inbox.example.com/).</param>
    public async Task<AdminResult<CreatedUser>> CreateAsync(Actor actor, NewUser input, Uri appBase, CancellationToken ct = default)
    {
        var email = (input.Email ?? "").Trim();
        var name = (input.Name ?? "").Trim();
        if (email.Length == 0 || !email.Contains('@')) return Invalid("email", AdminError.EmailInvalid, "Enter a valid email address.");
        if (name.Length == 0) return Invalid("name", AdminError.PersonNameMissing, "Enter the person's name.");
        if (!Roles.All.Contains(input.Role)) return Invalid("role", AdminError.RoleUnknown, "Role is one of {0}.", string.Join(", ", Roles.All));
        if (input.Capacity is < 1 or > 1000) return Invalid("capacity", AdminError.CapacityRange, "Capacity is between 1 and 1000 open conversations.");
        if (await users.FindByEmailAsync(email) is not null) return Invalid("email", AdminError.EmailTaken, "Someone already has this email.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Agents.AnyAsync(a => a.Email == email, ct)) return Invalid("email", AdminError.EmailTaken, "Someone already has this email.");
        var teamIds = input.TeamIds ?? [];
        var teams = await db.Teams.Include(t => t.Members).Where(t => teamIds.Contains(t.Id)).ToListAsync(ct);
        if (teams.Count != teamIds.Distinct().Count()) return Invalid("teamIds", AdminError.TeamMissing, "One of the teams does not exist.");

        var agent = new Agent(name, email, input.Capacity);
        db.Agents.Add(agent);
        foreach (var team in teams) team.AddMember(agent.Id, Now);
        await db.SaveAndPublishAsync(publisher, ct);

        var user = new InboundUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, AgentId = agent.Id };
        var created = string.IsNullOrEmpty(input.Password) ? await users.CreateAsync(user) : await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            db.Agents.Remove(agent);
            await db.SaveChangesAsync(ct);
            return Invalid(string.IsNullOrEmpty(input.Password) ? "email" : "password", string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, input.Role);
        var invite = string.IsNullOrEmpty(input.Password) ? await InviteUrlAsync(user, appBase) : null;
        await audit.RecordAsync(actor, "user.created", $"{name} <{email}>", $"Role {input.Role}; teams: {string.Join(", ", teams.Select(t => t.Name).DefaultIfEmpty("none"))}", ct);
        return Done(new CreatedUser(user.Id, agent.Id, invite));
    }

    /// <summary>A new link that sets the person's password (an invite, or a reset); earlier links stop working once it is used.</summary>
    public async Task<AdminResult<InviteLink>> InviteLinkAsync(Actor actor, string userId, Uri appBase, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return NotFound("user");
        var url = await InviteUrlAsync(user, appBase);
        await audit.RecordAsync(actor, "user.password-link", Describe(user), "A link to set the password was created.", ct);
        return Done(new InviteLink(user.Id, url));
    }

    public async Task<AdminResult<bool>> SetPasswordAsync(Actor actor, string userId, string password, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return NotFound("user");
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password ?? "");
            if (!check.Succeeded) return Invalid("password", string.Join(" ", check.Errors.Select(e => e.Description)));
        }
        if (await users.HasPasswordAsync(user)) await users.RemovePasswordAsync(user);
        var result = await users.AddPasswordAsync(user, password!);
        if (!result.Succeeded) return Invalid("password", string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.UpdateSecurityStampAsync(user);
        signedOut.SignOutEverywhere(user.Id);
        await audit.RecordAsync(actor, "user.password-set", Describe(user), "Password set by an admin; their sessions were ended.", ct);
        return Done(true);
    }

    /// <summary>
    /// Signs the person out everywhere (cookie, open pages, hub connections; their tokens stop working as the account is
    /// locked), takes them offline and hands their open conversations back to their teams' queues, where the engine's
    /// queue drainer assigns them to the next free agent.
    /// </summary>
    public async Task<AdminResult<Deactivation>> DeactivateAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return NotFound("user");
        if (user.Id == actor.UserId) return Invalid("userId", AdminError.CannotDeactivateSelf, "You cannot deactivate yourself.");
        if (user.DeactivatedAt is not null) return Done(new Deactivation(0, 0));
        user.DeactivatedAt = Now;
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        signedOut.SignOutEverywhere(user.Id);

        var outcome = user.AgentId is { } agentId ? await ReturnConversationsAsync(agentId, user.DisplayName, ct) : new Deactivation(0, 0);
        await audit.RecordAsync(actor, "user.deactivated", Describe(user),
            $"Signed out everywhere; {outcome.ReturnedToQueue} open conversations returned to their team queues.", ct);
        return Done(outcome);
    }

    public async Task<AdminResult<bool>> ReactivateAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return NotFound("user");
        if (user.DeactivatedAt is null) return Done(true);
        user.DeactivatedAt = null;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(actor, "user.reactivated", Describe(user), "", ct);
        return Done(true);
    }

    private async Task<Deactivation> ReturnConversationsAsync(Guid agentId, string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agent = await db.Agents.SingleAsync(a => a.Id == agentId, ct);
        agent.SetAvailability(AgentAvailability.Offline, Now);
        var open = await db.Conversations.Where(c => c.AssigneeId == agentId && c.Status == ConversationStatus.Open).ToListAsync(ct);
        var ids = open.Select(c => c.Id).ToList();
        var queued = await db.TeamQueue.Where(q => ids.Contains(q.ConversationId)).Select(q => q.ConversationId).ToListAsync(ct);
        var returned = 0;
        foreach (var conversation in open)
        {
            conversation.Unassign(Now);
            db.Messages.Add(conversation.AddNote(AuthorKind.System, null, Phrase.Of(PhraseCode.NoteAgentDeactivated, "{0} was deactivated; back in the queue", name), Now));
            if (conversation.TeamId is not { } teamId) continue;
            returned++;
            // Queued as a workflow's team assignment queues it, so the drainer hands it to the next free agent.
            if (!queued.Contains(conversation.Id))
                db.TeamQueue.Add(new QueuedConversation(conversation.Id, teamId, new AssignToStep { Id = "deactivation", TeamId = teamId }, null, Now));
        }
        await db.SaveAndPublishAsync(publisher, ct);
        return new Deactivation(returned, open.Count - returned);
    }

    private async Task<string> InviteUrlAsync(InboundUser user, Uri appBase)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var query = QueryHelpers.AddQueryString("account/invite", new Dictionary<string, string?> { ["user"] = user.Id, ["token"] = token });
        return new Uri(appBase, query).ToString();
    }

    private static string Describe(InboundUser user) => $"{user.DisplayName} <{user.Email}>";
}
