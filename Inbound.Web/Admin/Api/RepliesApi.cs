using System.Security.Claims;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Admin.Replies;
using Inbound.Web.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;
using static Inbound.Web.Admin.Api.AdminApi;

namespace Inbound.Web.Admin.Api;

public sealed record ClosingCategoryRequest(string? Name);

internal static class RepliesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("canned-responses", ListCanned).WithName("ListCannedResponses").WithSummary("Workspace, team and my personal canned responses.");
        api.MapPost("canned-responses", CreateCanned).WithName("CreateCannedResponse").WithSummary("Add a canned response: shortcut, text with {{variables}}, scope Workspace, Team (with teamId) or Personal.");
        api.MapPut("canned-responses/{id:guid}", UpdateCanned).WithName("UpdateCannedResponse").WithSummary("Change a canned response's shortcut and text.");
        api.MapDelete("canned-responses/{id:guid}", DeleteCanned).WithName("DeleteCannedResponse").WithSummary("Delete a canned response.");
        api.MapGet("closing-categories", ListCategories).WithName("ListClosingCategories").WithSummary("Closing categories; includeRetired=true adds the retired ones.");
        api.MapPost("closing-categories", AddCategory).WithName("AddClosingCategory").WithSummary("Add a closing category (or bring back a retired one).");
        api.MapDelete("closing-categories/{id:guid}", RemoveCategory).WithName("RemoveClosingCategory")
            .WithSummary("Delete a category no conversation used; one in use is retired instead (the answer says which).");
    }

    internal static async Task<Results<Ok<IReadOnlyList<CannedResponseView>>, ProblemHttpResult>> ListCanned(ClaimsPrincipal user, InboxViewers viewers, ReplyLibrary replies, CancellationToken ct) =>
        await ViewerAsync(user, viewers, ct) is { } viewer ? TypedResults.Ok(await replies.CannedResponsesForAsync(viewer, ct)) : NoViewer();

    internal static async Task<Results<Created<CannedResponseView>, ValidationProblem, ProblemHttpResult>> CreateCanned(CannedResponseInput request, ClaimsPrincipal user, InboxViewers viewers, ReplyLibrary replies, CancellationToken ct) =>
        await ViewerAsync(user, viewers, ct) is { } viewer
            ? Created(await replies.SaveCannedResponseAsync(viewer, null, request, ct), r => $"/api/admin/canned-responses/{r.Id}")
            : NoViewer();

    internal static async Task<Results<Ok<CannedResponseView>, ValidationProblem, ProblemHttpResult>> UpdateCanned(Guid id, CannedResponseInput request, ClaimsPrincipal user, InboxViewers viewers, ReplyLibrary replies, CancellationToken ct) =>
        await ViewerAsync(user, viewers, ct) is { } viewer ? Answer(await replies.SaveCannedResponseAsync(viewer, id, request, ct)) : NoViewer();

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteCanned(Guid id, ClaimsPrincipal user, InboxViewers viewers, ReplyLibrary replies, CancellationToken ct) =>
        await ViewerAsync(user, viewers, ct) is { } viewer ? NoContent(await replies.DeleteCannedResponseAsync(viewer, id, ct)) : NoViewer();

    internal static async Task<Ok<IReadOnlyList<ClosingCategoryView>>> ListCategories(ReplyLibrary replies, CancellationToken ct, bool includeRetired = false) =>
        TypedResults.Ok(await replies.ClosingCategoriesAsync(includeRetired, ct));

    internal static async Task<Results<Created<ClosingCategoryView>, ValidationProblem, ProblemHttpResult>> AddCategory(ClosingCategoryRequest request, ClaimsPrincipal user, ReplyLibrary replies, CancellationToken ct) =>
        Created(await replies.AddClosingCategoryAsync(Actor.From(user), request.Name ?? "", ct), c => $"/api/admin/closing-categories/{c.Id}");

    internal static async Task<Results<Ok<ClosingCategoryView>, ValidationProblem, ProblemHttpResult>> RemoveCategory(Guid id, ClaimsPrincipal user, ReplyLibrary replies, CancellationToken ct) =>
        Answer(await replies.RemoveClosingCategoryAsync(Actor.From(user), id, ct));
}
