using System.Security.Claims;
using System.Text.Json;
using Inbound.Domain.SeedWork;
using Inbound.Domain.Workflows;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbound.Web.Admin.Api;

public sealed record WorkflowDocument(Guid Id, string Name, WorkflowStatus Status, JsonElement Draft, IReadOnlyList<WorkflowIssue> Issues,
    IReadOnlyList<VersionSummary> Versions, bool HasUnpublishedChanges);

public sealed record CreateWorkflowRequest(string? Name, JsonElement? Definition);

public sealed record DraftRequest(JsonElement? Definition);

/// <summary>
/// Workflows for provisioning scripts. Definitions travel in the designer's export format (<see cref="WorkflowJson"/>), so
/// a file exported from the designer imports here and the other way round.
/// </summary>
internal static class WorkflowsAdminApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("workflows", List).WithName("AdminListWorkflows").WithSummary("Every workflow with its status and published version.");
        api.MapGet("workflows/{id:guid}", Get).WithName("AdminGetWorkflow").WithSummary("A workflow's draft (export format), issues and versions.");
        api.MapPost("workflows", Create).WithName("AdminCreateWorkflow").WithSummary("Create a workflow from a definition in the export format (blank without one).");
        api.MapPut("workflows/{id:guid}/draft", SaveDraft).WithName("AdminSaveWorkflowDraft").WithSummary("Replace the draft; the published version runs on until the next publish.");
        api.MapPost("workflows/{id:guid}/validate", Validate).WithName("AdminValidateWorkflow").WithSummary("The draft's issues; errors block publishing.");
        api.MapPost("workflows/{id:guid}/publish", Publish).WithName("AdminPublishWorkflow").WithSummary("Publish the draft as the next version; 409 with the issues while it has errors.");
        api.MapGet("workflows/{id:guid}/versions", Versions).WithName("AdminListWorkflowVersions").WithSummary("The published versions.");
        api.MapGet("workflows/{id:guid}/export", Export).WithName("AdminExportWorkflow").WithSummary("The draft in the export format, as the designer's Export writes it.");
    }

    internal static async Task<Ok<IReadOnlyList<WorkflowSummary>>> List(WorkflowService workflows, CancellationToken ct) => TypedResults.Ok(await workflows.ListAsync(ct));

    internal static async Task<Results<Ok<WorkflowDocument>, ProblemHttpResult>> Get(Guid id, WorkflowService workflows, CancellationToken ct) =>
        await workflows.GetAsync(id, ct) is { } details ? TypedResults.Ok(Document(details)) : NotFound();

    internal static async Task<Results<Created<WorkflowDocument>, ValidationProblem, ProblemHttpResult>> Create(CreateWorkflowRequest request, ClaimsPrincipal user, WorkflowService workflows, IAuditLog audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) return Invalid("name", "Give the workflow a name.");
        WorkflowDefinition? definition = null;
        if (request.Definition is { ValueKind: not JsonValueKind.Null } json && !TryRead(json, out definition, out var error)) return Invalid("definition", error!);
        try
        {
            var created = await workflows.CreateBlankAsync(request.Name, ct);
            if (definition is not null) created = (await workflows.SaveDraftAsync(created.Id, definition, ct))!;
            await audit.RecordAsync(Actor.From(user), "workflow.created", created.Name, "Created through the admin API.", ct);
            return TypedResults.Created($"/api/admin/workflows/{created.Id}", Document(created));
        }
        catch (DomainException ex)
        {
            return Invalid("name", ex.Message);
        }
    }

    internal static async Task<Results<Ok<WorkflowDocument>, ValidationProblem, ProblemHttpResult>> SaveDraft(Guid id, DraftRequest request, WorkflowService workflows, CancellationToken ct)
    {
        if (request.Definition is not { ValueKind: JsonValueKind.Object } json) return Invalid("definition", "Send the definition in the export format.");
        if (!TryRead(json, out var definition, out var error)) return Invalid("definition", error!);
        try
        {
            return await workflows.SaveDraftAsync(id, definition!, ct) is { } saved ? TypedResults.Ok(Document(saved)) : NotFound();
        }
        catch (DomainException ex)
        {
            return Invalid("definition", ex.Message);
        }
    }

    internal static async Task<Results<Ok<IReadOnlyList<WorkflowIssue>>, ProblemHttpResult>> Validate(Guid id, WorkflowService workflows, CancellationToken ct) =>
        await workflows.GetAsync(id, ct) is { } details ? TypedResults.Ok(details.Issues) : NotFound();

    internal static async Task<Results<Ok<PublishResult>, ProblemHttpResult>> Publish(Guid id, ClaimsPrincipal user, WorkflowService workflows, IAuditLog audit, CancellationToken ct)
    {
        if (await workflows.PublishAsync(id, ct) is not { } result) return NotFound();
        if (!result.Published)
            return TypedResults.Problem(statusCode: 409, title: "The workflow has errors",
                detail: string.Join(" ", result.Issues.Where(i => i.IsError).Select(i => i.Message)));
        var name = (await workflows.GetAsync(id, ct))?.Name ?? id.ToString();
        await audit.RecordAsync(Actor.From(user), "workflow.published", name, $"Version {result.VersionNumber}", ct);
        return TypedResults.Ok(result);
    }

    internal static async Task<Results<Ok<IReadOnlyList<VersionSummary>>, ProblemHttpResult>> Versions(Guid id, WorkflowService workflows, CancellationToken ct) =>
        await workflows.GetAsync(id, ct) is { } details ? TypedResults.Ok(details.Versions) : NotFound();

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> Export(Guid id, WorkflowService workflows, CancellationToken ct) =>
        await workflows.GetAsync(id, ct) is { } details ? TypedResults.Content(WorkflowJson.Serialize(details.Draft), "application/json") : NotFound();

    private static WorkflowDocument Document(WorkflowDetails d) =>
        new(d.Id, d.Name, d.Status, JsonDocument.Parse(WorkflowJson.Serialize(d.Draft)).RootElement.Clone(), d.Issues, d.Versions, d.HasUnpublishedChanges);

    private static bool TryRead(JsonElement json, out WorkflowDefinition? definition, out string? error)
    {
        try
        {
            definition = WorkflowJson.Deserialize(json.GetRawText());
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or DomainException or ArgumentException)
        {
            (definition, error) = (null, $"The definition cannot be read: {ex.Message}");
            return false;
        }
    }

    private static ValidationProblem Invalid(string field, string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [error] }, title: error);

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No such workflow.");
}
