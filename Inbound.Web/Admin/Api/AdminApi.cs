using System.Security.Claims;
using Inbound.Web.Accounts;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbound.Web.Admin.Api;

/// <summary>
/// Provisioning a workspace from a script: people, teams, contacts and the audit log under <c>api/admin</c>, with an
/// admin's personal token (supervisors may read and manage their own teams only). Refusals are ProblemDetails: 400
/// names the field, 404 covers what does not exist and what the caller may not see, 409 a change the state refuses.
/// </summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/admin")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        PeopleApi.Map(api.MapGroup("users").WithTags("Admin: people").RequireAuthorization(Policies.Admin));
        TeamsApi.Map(api.MapGroup("teams").WithTags("Admin: teams").RequireAuthorization(Policies.Supervisor));
        ContactsApi.Map(api.MapGroup("").WithTags("Admin: contacts").RequireAuthorization(Policies.Admin));
        RepliesApi.Map(api.MapGroup("").WithTags("Admin: replies").RequireAuthorization(Policies.Admin));
        WorkflowsAdminApi.Map(api.MapGroup("").WithTags("Admin: workflows").RequireAuthorization(Policies.Admin));
        api.MapGet("audit", ListAudit).WithTags("Admin: audit").RequireAuthorization(Policies.Admin)
            .WithName("ListAuditLog").WithSummary("The audit log, newest first: filter by action prefix, actor and text; page with before (an entry id).");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<AuditEntry>>> ListAudit(AuditLog log, CancellationToken ct,
        string? action = null, string? actor = null, string? search = null, long? before = null, int take = 100) =>
        TypedResults.Ok(await log.ListAsync(new AuditFilter(action, actor, search), before, take, ct));

    /// <summary>The caller as an inbox viewer (role and teams); every account that signs in has one.</summary>
    internal static Task<InboxViewer?> ViewerAsync(ClaimsPrincipal user, InboxViewers viewers, CancellationToken ct) => viewers.ResolveAsync(user, ct);

    internal static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Answer<T>(AdminResult<T> result) => result.Outcome switch
    {
        AdminOutcome.Done => TypedResults.Ok(result.Value!),
        _ => Failure(result),
    };

    internal static Results<Created<T>, ValidationProblem, ProblemHttpResult> Created<T>(AdminResult<T> result, Func<T, string> location) => result.Outcome switch
    {
        AdminOutcome.Done => TypedResults.Created(location(result.Value!), result.Value),
        AdminOutcome.Invalid => Invalid(result),
        _ => Problem(result),
    };

    internal static Results<NoContent, ValidationProblem, ProblemHttpResult> NoContent<T>(AdminResult<T> result) => result.Outcome switch
    {
        AdminOutcome.Done => TypedResults.NoContent(),
        AdminOutcome.Invalid => Invalid(result),
        _ => Problem(result),
    };

    internal static ProblemHttpResult NoViewer() =>
        TypedResults.Problem(statusCode: 403, title: "Not an agent", detail: "This account is not linked to an agent.");

    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Failure<T>(AdminResult<T> result) =>
        result.Outcome == AdminOutcome.Invalid ? Invalid(result) : Problem(result);

    private static ValidationProblem Invalid<T>(AdminResult<T> result) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [result.Field ?? "request"] = [result.Error ?? "Invalid."] },
            title: result.Error);

    private static ProblemHttpResult Problem<T>(AdminResult<T> result) => result.Outcome switch
    {
        AdminOutcome.NotFound => TypedResults.Problem(statusCode: 404, title: "Not found", detail: result.Error),
        _ => TypedResults.Problem(statusCode: 409, title: "Refused", detail: result.Error),
    };
}
