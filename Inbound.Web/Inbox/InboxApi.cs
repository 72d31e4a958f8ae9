using System.Security.Claims;
using Inbound.Web.Accounts;
using Inbound.Web.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbound.Web.Inbox;

/// <summary>
/// The inbox for scripts and integrations (cookie or <c>Authorization: Bearer</c> personal token). Conversations
/// the caller may not see answer 404, the same as ones that do not exist.
/// </summary>
public static class InboxApi
{
    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/inbox").WithTags("Inbox").RequireAuthorization(Policies.Agent)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("me", GetMe).WithName("GetMe").WithSummary("Who I am, my role, teams and availability.");
        api.MapPut("me/availability", SetAvailability).WithName("SetAvailability").WithSummary("Set my availability: Online, Away or Offline.");
        api.MapGet("conversations", ListConversations).WithName("ListConversations")
            .WithSummary("List conversations: filter Mine (default), Queue (my teams' unassigned), Closed or All; search by contact name.");
        api.MapGet("conversations/{id:guid}", GetConversation).WithName("GetConversation").WithSummary("Read a conversation's thread and contact.");
        api.MapPost("conversations/{id:guid}/replies", Reply).WithName("Reply").WithSummary("Reply to the contact; the channel's sender delivers it.");
        api.MapPost("conversations/{id:guid}/notes", AddNote).WithName("AddNote").WithSummary("Add an internal note the contact never sees.");
        api.MapPost("conversations/{id:guid}/close", Close).WithName("CloseConversation").WithSummary("Close with a closing note: a category from the list and a summary.");
        api.MapGet("workflows", ListManualWorkflows).WithName("ListManualWorkflows").WithSummary("The published workflows with a manual trigger, which an agent can start on a conversation.");
        api.MapPost("conversations/{id:guid}/workflows", StartWorkflow).WithName("StartWorkflow").WithSummary("Start a published manual workflow on the conversation.");
        api.MapPost("conversations/{id:guid}/reassign", Reassign).WithName("ReassignConversation").WithSummary("Hand the conversation to an agent, or to a team's queue.");
        return app;
    }

    internal static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetMe(ClaimsPrincipal user, InboxViewers viewers, InboxCommands commands, CancellationToken ct)
    {
        if (await viewers.ResolveAsync(user, ct) is not { } viewer) return NotAnAgent();
        var availability = await commands.GetAvailabilityAsync(viewer.AgentId, ct) ?? Domain.Agents.AgentAvailability.Offline;
        return TypedResults.Ok(new MeResponse(viewer.AgentId, viewer.Name, viewer.Role, availability, viewer.TeamIds.ToList()));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> SetAvailability(AvailabilityRequest request, ClaimsPrincipal user, InboxViewers viewers, InboxCommands commands, CancellationToken ct)
    {
        if (await viewers.ResolveAsync(user, ct) is not { } viewer) return NotAnAgent();
        var result = await commands.SetAvailabilityAsync(viewer, request.Availability, ct);
        return result.Succeeded ? TypedResults.NoContent() : Problem(result);
    }

    internal static async Task<Results<Ok<IReadOnlyList<ConversationSummary>>, ProblemHttpResult>> ListConversations(
        ClaimsPrincipal user, InboxViewers viewers, InboxQueries queries, CancellationToken ct, InboxFilter filter = InboxFilter.Mine, string? search = null)
    {
        if (await viewers.ResolveAsync(user, ct) is not { } viewer) return NotAnAgent();
        return TypedResults.Ok(await queries.ListAsync(viewer, filter, search, ct));
    }

    internal static async Task<Results<Ok<ConversationThread>, ProblemHttpResult>> GetConversation(Guid id, ClaimsPrincipal user, InboxViewers viewers, InboxQueries queries, CancellationToken ct)
    {
        if (await viewers.ResolveAsync(user, ct) is not { } viewer) return NotAnAgent();
        return await queries.GetThreadAsync(viewer, id, ct) is { } thread ? TypedResults.Ok(thread) : Problem(CommandResult.NotFound);
    }

    internal static Task<Results<Created<CreatedResponse>, ProblemHttpResult>> Reply(Guid id, MessageRequest request, ClaimsPrincipal user, InboxViewers viewers, InboxCommands commands, CancellationToken ct) =>
        CreateAsync(user, viewers, v => commands.ReplyAsync(v, id, request.Text ?? "", ct), id, ct);

    internal static Task<Results<Created<CreatedResponse>, ProblemHttpResult>> AddNote(Guid id, MessageRequest request, ClaimsPrincipal user, InboxViewers viewers, InboxCommands commands, CancellationToken ct) =>
        CreateAsync(user, viewers, v => commands.AddNoteAsync(v, id, request.Text ?? "", ct), id, ct);

    internal static async Task<Results<NoContent, ProblemHttpResult>> Close(Guid id, CloseRequest request, ClaimsPrincipal user, InboxViewers viewers, InboxCommands commands, CancellationToken ct)
    {
        if (await viewers.ResolveAsync(user, ct) is not { } viewer) return NotAnAgent();
        var result = await commands.CloseAsync(viewer, id, request.Category ?? "", request.Summary ?? "", ct);
        return result.Succeeded ? TypedResults.NoContent() : Problem(result);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Reassign(Guid id, ReassignRequest request, ClaimsPrincipal user, InboxViewers viewers, InboxCommands commands, CancellationToken ct)
    {
        if (await viewers.ResolveAsync(user, ct) is not { } viewer) return NotAnAgent();
        var result = await commands.ReassignAsync(viewer, id, request.AgentId, request.TeamId, ct, request.OverCapacity);
        return result.Succeeded ? TypedResults.NoContent() : Problem(result);
    }

    internal static async Task<Results<Ok<IReadOnlyList<ManualWorkflow>>, ProblemHttpResult>> ListManualWorkflows(ClaimsPrincipal user, InboxViewers viewers, WorkflowService workflows, CancellationToken ct)
    {
        if (await viewers.ResolveAsync(user, ct) is null) return NotAnAgent();
        return TypedResults.Ok(await workflows.ManualWorkflowsAsync(ct));
    }

    internal static async Task<Results<Accepted, ProblemHttpResult>> StartWorkflow(Guid id, StartWorkflowRequest request, ClaimsPrincipal user, InboxViewers viewers, InboxCommands commands, CancellationToken ct)
    {
        if (await viewers.ResolveAsync(user, ct) is not { } viewer) return NotAnAgent();
        if (request.WorkflowId is not { } workflowId) return Problem(CommandResult.Invalid("workflowId is required."));
        var result = await commands.StartWorkflowAsync(viewer, id, workflowId, ct);
        return result.Succeeded ? TypedResults.Accepted($"/api/inbox/conversations/{id}") : Problem(result);
    }

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> CreateAsync(
        ClaimsPrincipal user, InboxViewers viewers, Func<InboxViewer, Task<CommandResult>> act, Guid conversationId, CancellationToken ct)
    {
        if (await viewers.ResolveAsync(user, ct) is not { } viewer) return NotAnAgent();
        var result = await act(viewer);
        return result.Succeeded
            ? TypedResults.Created($"/api/inbox/conversations/{conversationId}", new CreatedResponse(result.Id!.Value))
            : Problem(result);
    }

    private static ProblemHttpResult NotAnAgent() =>
        TypedResults.Problem(statusCode: 403, title: "Not an agent", detail: "This account is not linked to an agent.");

    private static ProblemHttpResult Problem(CommandResult result) => result.Outcome switch
    {
        CommandOutcome.NotFound => TypedResults.Problem(statusCode: 404, title: "Conversation not found", detail: result.Error),
        CommandOutcome.Forbidden => TypedResults.Problem(statusCode: 403, title: "Not allowed", detail: result.Error),
        _ => TypedResults.Problem(statusCode: 400, title: "The request cannot be done", detail: result.Error),
    };
}
