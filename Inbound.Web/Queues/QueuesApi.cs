using System.Security.Claims;
using Inbound.Domain.Agents;
using Inbound.Web.Accounts;
using Inbound.Web.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbound.Web.Queues;

public sealed record QueueAssignRequest(Guid AgentId, bool OverCapacity = false);
public sealed record QueueMoveRequest(Guid TeamId);
public sealed record QueueAvailabilityRequest(AgentAvailability Availability);

/// <summary>Live team queues for supervisors (their teams) and admins (every team); agents are refused.</summary>
public static class QueuesApi
{
    public static IEndpointRouteBuilder MapQueuesApi(this IEndpointRouteBuilder app)
    {
        var queues = app.MapGroup("api/queues").WithTags("Queues").RequireAuthorization(Policies.Supervisor)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        queues.MapGet("", List).WithName("ListTeamQueues")
            .WithSummary("Per team: waiting conversations and the oldest wait, open conversations, and each agent's load and last reply.");
        queues.MapGet("{teamId:guid}", Get).WithName("GetTeamQueue").WithSummary("A team's waiting conversations, oldest first, with their queue position.");
        queues.MapPost("{teamId:guid}/conversations/{conversationId:guid}/assign", Assign).WithName("AssignFromQueue")
            .WithSummary("Assign a waiting conversation to an agent (overCapacity to go past the agent's capacity knowingly).");
        queues.MapPost("{teamId:guid}/conversations/{conversationId:guid}/move", Move).WithName("MoveToTeamQueue")
            .WithSummary("Move a waiting conversation to another team's queue, where it is assigned as that team's agents free up.");
        queues.MapPut("{teamId:guid}/agents/{agentId:guid}/availability", SetAvailability).WithName("SetMemberAvailability")
            .WithSummary("Set a member's availability; Away keeps their open conversations and stops new ones.");
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<TeamQueueSummary>>, ProblemHttpResult>> List(ClaimsPrincipal user, InboxViewers viewers, TeamQueueQueries queries, CancellationToken ct) =>
        await viewers.ResolveAsync(user, ct) is { } viewer ? TypedResults.Ok(await queries.ListAsync(viewer, ct)) : NotAnAgent();

    internal static async Task<Results<Ok<TeamQueueDetail>, ProblemHttpResult>> Get(Guid teamId, ClaimsPrincipal user, InboxViewers viewers, TeamQueueQueries queries, CancellationToken ct)
    {
        if (await viewers.ResolveAsync(user, ct) is not { } viewer) return NotAnAgent();
        return await queries.GetAsync(viewer, teamId, ct) is { } detail
            ? TypedResults.Ok(detail)
            : TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No such team.");
    }

    internal static Task<Results<NoContent, ProblemHttpResult>> Assign(Guid teamId, Guid conversationId, QueueAssignRequest request, ClaimsPrincipal user, InboxViewers viewers,
        TeamQueueCommands commands, CancellationToken ct) =>
        ActAsync(user, viewers, viewer => commands.AssignAsync(viewer, teamId, conversationId, request.AgentId, request.OverCapacity, ct), ct);

    internal static Task<Results<NoContent, ProblemHttpResult>> Move(Guid teamId, Guid conversationId, QueueMoveRequest request, ClaimsPrincipal user, InboxViewers viewers,
        TeamQueueCommands commands, CancellationToken ct) =>
        ActAsync(user, viewers, viewer => commands.MoveAsync(viewer, teamId, conversationId, request.TeamId, ct), ct);

    internal static Task<Results<NoContent, ProblemHttpResult>> SetAvailability(Guid teamId, Guid agentId, QueueAvailabilityRequest request, ClaimsPrincipal user,
        InboxViewers viewers, TeamQueueCommands commands, CancellationToken ct) =>
        ActAsync(user, viewers, viewer => commands.SetAvailabilityAsync(viewer, teamId, agentId, request.Availability, ct), ct);

    private static async Task<Results<NoContent, ProblemHttpResult>> ActAsync(ClaimsPrincipal user, InboxViewers viewers, Func<InboxViewer, Task<CommandResult>> act, CancellationToken ct)
    {
        if (await viewers.ResolveAsync(user, ct) is not { } viewer) return NotAnAgent();
        var result = await act(viewer);
        return result.Outcome switch
        {
            CommandOutcome.Done => TypedResults.NoContent(),
            CommandOutcome.NotFound => TypedResults.Problem(statusCode: 404, title: "Not found", detail: result.Error),
            CommandOutcome.Forbidden => TypedResults.Problem(statusCode: 403, title: "Not allowed", detail: result.Error),
            _ => TypedResults.Problem(statusCode: 400, title: "The request cannot be done", detail: result.Error),
        };
    }

    private static ProblemHttpResult NotAnAgent() =>
        TypedResults.Problem(statusCode: 403, title: "Not an agent", detail: "This account is not linked to an agent.");
}
