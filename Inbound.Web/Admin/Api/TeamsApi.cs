using System.Security.Claims;
using Inbound.Web.Accounts;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Admin.Teams;
using Inbound.Web.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;
using static Inbound.Web.Admin.Api.AdminApi;

namespace Inbound.Web.Admin.Api;

public sealed record TeamRequest(string? Name);
public sealed record CapacityRequest(int? Capacity);

internal static class TeamsApi
{
    public static void Map(RouteGroupBuilder teams)
    {
        teams.MapGet("", List).WithName("ListTeams").WithSummary("Teams with members, supervisors, hours and open conversations; a supervisor gets their own teams.");
        teams.MapPost("", Create).WithName("CreateTeam").WithSummary("Create a team (admins).").RequireAuthorization(Policies.Admin);
        teams.MapGet("{teamId:guid}", Get).WithName("GetTeam").WithSummary("One team.");
        teams.MapPut("{teamId:guid}", Rename).WithName("RenameTeam").WithSummary("Rename a team.");
        teams.MapDelete("{teamId:guid}", Delete).WithName("DeleteTeam")
            .WithSummary("Delete a team (admins); refused with 409 while conversations are open in it.").RequireAuthorization(Policies.Admin);
        teams.MapPut("{teamId:guid}/hours", SetHours).WithName("SetTeamHours").WithSummary("Set the team's time zone and weekly business hours.");
        teams.MapPut("{teamId:guid}/wait-alert", SetWaitAlert).WithName("SetTeamWaitAlert")
            .WithSummary("Alert the team's supervisors when a conversation waits unassigned longer than this many minutes (null: never).");
        teams.MapPut("{teamId:guid}/sla", SetSla).WithName("SetTeamSla")
            .WithSummary("Set the team's first-response and resolution targets, in minutes of its business hours (null: no target).");
        teams.MapPut("{teamId:guid}/members/{agentId:guid}", AddMember).WithName("AddTeamMember").WithSummary("Add an agent to the team.");
        teams.MapDelete("{teamId:guid}/members/{agentId:guid}", RemoveMember).WithName("RemoveTeamMember").WithSummary("Remove an agent from the team.");
        teams.MapPut("{teamId:guid}/members/{agentId:guid}/capacity", SetCapacity).WithName("SetMemberCapacity")
            .WithSummary("How many open conversations a member takes at once.");
    }

    internal static async Task<Results<Ok<IReadOnlyList<TeamDetails>>, ProblemHttpResult>> List(ClaimsPrincipal user, InboxViewers viewers, TeamAdministration teams, CancellationToken ct) =>
        await ViewerAsync(user, viewers, ct) is { } viewer ? TypedResults.Ok(await teams.ListAsync(viewer, ct)) : NoViewer();

    internal static async Task<Results<Ok<TeamDetails>, ValidationProblem, ProblemHttpResult>> Get(Guid teamId, ClaimsPrincipal user, InboxViewers viewers, TeamAdministration teams, CancellationToken ct) =>
        await ViewerAsync(user, viewers, ct) is { } viewer ? Answer(await teams.GetAsync(viewer, teamId, ct)) : NoViewer();

    internal static async Task<Results<Created<TeamDetails>, ValidationProblem, ProblemHttpResult>> Create(TeamRequest request, ClaimsPrincipal user, TeamAdministration teams, CancellationToken ct) =>
        Created(await teams.CreateAsync(Actor.From(user), request.Name ?? "", ct), t => $"/api/admin/teams/{t.Id}");

    internal static Task<Results<Ok<TeamDetails>, ValidationProblem, ProblemHttpResult>> Rename(Guid teamId, TeamRequest request, ClaimsPrincipal user, InboxViewers viewers, TeamAdministration teams, CancellationToken ct) =>
        ChangeAsync(user, viewers, viewer => teams.RenameAsync(viewer, Actor.From(user), teamId, request.Name ?? "", ct), ct);

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(Guid teamId, ClaimsPrincipal user, TeamAdministration teams, CancellationToken ct) =>
        NoContent(await teams.DeleteAsync(Actor.From(user), teamId, ct));

    internal static Task<Results<Ok<TeamDetails>, ValidationProblem, ProblemHttpResult>> SetHours(Guid teamId, TeamHours request, ClaimsPrincipal user, InboxViewers viewers, TeamAdministration teams, CancellationToken ct) =>
        ChangeAsync(user, viewers, viewer => teams.SetHoursAsync(viewer, Actor.From(user), teamId, request, ct), ct);

    internal static Task<Results<Ok<TeamDetails>, ValidationProblem, ProblemHttpResult>> SetWaitAlert(Guid teamId, TeamWaitAlertRequest request, ClaimsPrincipal user, InboxViewers viewers, TeamAdministration teams, CancellationToken ct) =>
        ChangeAsync(user, viewers, viewer => teams.SetWaitAlertAsync(viewer, Actor.From(user), teamId, request.Minutes, ct), ct);

    internal static Task<Results<Ok<TeamDetails>, ValidationProblem, ProblemHttpResult>> SetSla(Guid teamId, TeamSlaRequest request, ClaimsPrincipal user, InboxViewers viewers, TeamAdministration teams, CancellationToken ct) =>
        ChangeAsync(user, viewers, viewer => teams.SetSlaAsync(viewer, Actor.From(user), teamId, request, ct), ct);

    internal static Task<Results<Ok<TeamDetails>, ValidationProblem, ProblemHttpResult>> AddMember(Guid teamId, Guid agentId, ClaimsPrincipal user, InboxViewers viewers, TeamAdministration teams, CancellationToken ct) =>
        ChangeAsync(user, viewers, viewer => teams.AddMemberAsync(viewer, Actor.From(user), teamId, agentId, ct), ct);

    internal static Task<Results<Ok<TeamDetails>, ValidationProblem, ProblemHttpResult>> RemoveMember(Guid teamId, Guid agentId, ClaimsPrincipal user, InboxViewers viewers, TeamAdministration teams, CancellationToken ct) =>
        ChangeAsync(user, viewers, viewer => teams.RemoveMemberAsync(viewer, Actor.From(user), teamId, agentId, ct), ct);

    internal static Task<Results<Ok<TeamDetails>, ValidationProblem, ProblemHttpResult>> SetCapacity(Guid teamId, Guid agentId, CapacityRequest request, ClaimsPrincipal user, InboxViewers viewers, TeamAdministration teams, CancellationToken ct) =>
        ChangeAsync(user, viewers, viewer => teams.SetCapacityAsync(viewer, Actor.From(user), teamId, agentId, request.Capacity ?? 0, ct), ct);

    private static async Task<Results<Ok<TeamDetails>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        ClaimsPrincipal user, InboxViewers viewers, Func<InboxViewer, Task<AdminResult<TeamDetails>>> change, CancellationToken ct) =>
        await ViewerAsync(user, viewers, ct) is { } viewer ? Answer(await change(viewer)) : NoViewer();
}
