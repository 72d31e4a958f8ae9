using System.Globalization;
using System.Security.Claims;
using System.Text;
using Inbound.Web.Accounts;
using Inbound.Web.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbound.Web.Reports;

/// <summary>Reports for supervisors (their teams) and admins (every team); agents are refused. Another team's report is not found.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("api/reports").WithTags("Reports").RequireAuthorization(Policies.Supervisor)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("", Get).WithName("GetReport")
            .WithSummary("Conversations opened, closed and reopened, response, assignment and resolution times, busiest hours, closing categories and workflow outcomes over a period (from, to: yyyy-MM-dd; zone: IANA id; team).");
        reports.MapGet("csv/{table}", Csv).WithName("GetReportCsv")
            .WithSummary("One table of the report as CSV: teams, agents, channels, workflows, sources, outcomes, categories or hours.");
        reports.MapGet("conversations", Conversations).WithName("GetReportConversations")
            .WithSummary("The conversations behind a figure (figure, and optionally dimension and key, or day 0-6 from Monday and hour), newest first.");
        return app;
    }

    internal static async Task<Results<Ok<ReportResult>, ProblemHttpResult>> Get(DateOnly? from, DateOnly? to, string? zone, Guid? team, ClaimsPrincipal user,
        InboxViewers viewers, ReportQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var (viewer, period, problem) = await ResolveAsync(new ReportRequest(from, to, zone, team), user, viewers, clock, ct);
        if (problem is not null) return problem;
        return await queries.BuildAsync(viewer!, period!, team, ct) is { } report ? TypedResults.Ok(report) : NoSuchTeam();
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Csv(string table, DateOnly? from, DateOnly? to, string? zone, Guid? team,
        ClaimsPrincipal user, InboxViewers viewers, ReportQueries queries, TimeProvider clock, CancellationToken ct)
    {
        if (!ReportCsv.Tables.Contains(table))
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No table '{table}'; tables: {string.Join(", ", ReportCsv.Tables)}.");
        var (viewer, period, problem) = await ResolveAsync(new ReportRequest(from, to, zone, team), user, viewers, clock, ct);
        if (problem is not null) return problem;
        if (await queries.BuildAsync(viewer!, period!, team, ct) is not { } report) return NoSuchTeam();
        var csv = Encoding.UTF8.GetBytes(ReportCsv.Write(report, table)!);
        return TypedResults.File(csv, "text/csv; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"inbound-{table}-{period!.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv"));
    }

    internal static async Task<Results<Ok<DrillDownResult>, ProblemHttpResult>> Conversations(ReportFigure figure, ReportDimension? dimension, string? key,
        int? day, int? hour, DateOnly? from, DateOnly? to, string? zone, Guid? team, ClaimsPrincipal user, InboxViewers viewers, ReportDrillDown drillDown,
        TimeProvider clock, CancellationToken ct)
    {
        var (viewer, period, problem) = await ResolveAsync(new ReportRequest(from, to, zone, team), user, viewers, clock, ct);
        if (problem is not null) return problem;
        return await drillDown.ListAsync(viewer!, period!, team, new DrillDownFilter(figure, dimension, key, day, hour), ct) is { } list
            ? TypedResults.Ok(list)
            : NoSuchTeam();
    }

    private static async Task<(InboxViewer?, Domain.Reports.ReportPeriod?, ProblemHttpResult?)> ResolveAsync(ReportRequest request, ClaimsPrincipal user,
        InboxViewers viewers, TimeProvider clock, CancellationToken ct)
    {
        if (await viewers.ResolveAsync(user, ct) is not { } viewer)
            return (null, null, TypedResults.Problem(statusCode: 403, title: "Not an agent", detail: "This account is not linked to an agent."));
        var (period, error) = request.ToPeriod(clock);
        return period is null
            ? (viewer, null, TypedResults.Problem(statusCode: 400, title: "The report cannot be made", detail: error))
            : (viewer, period, null);
    }

    private static ProblemHttpResult NoSuchTeam() => TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No such team.");
}
