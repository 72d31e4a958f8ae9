using Inbound.Domain.Reports;
using Inbound.Web.Inbox;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Inbound.Web.Reports;

/// <summary>The conversations behind one figure of a report, each linking to its thread in the inbox.</summary>
public partial class ReportConversationsPage
{
    [Inject] private ReportDrillDown DrillDown { get; set; } = null!;
    [Inject] private InboxViewers Viewers { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "zone")] public string? Zone { get; set; }
    [SupplyParameterFromQuery(Name = "team")] public Guid? Team { get; set; }
    [SupplyParameterFromQuery(Name = "figure")] public string? Figure { get; set; }
    [SupplyParameterFromQuery(Name = "dimension")] public string? Dimension { get; set; }
    [SupplyParameterFromQuery(Name = "key")] public string? Key { get; set; }
    [SupplyParameterFromQuery(Name = "day")] public int? Day { get; set; }
    [SupplyParameterFromQuery(Name = "hour")] public int? Hour { get; set; }

    private DrillDownResult? _result;
    private string? _error;
    private ReportPeriod? _period;
    private List<BreadcrumbItem> _crumbs = [];

    private string Title => $"{FigureName}{(Day is { } d && Hour is { } h ? $" on {ReportFormat.Weekdays[Math.Clamp(d, 0, 6)]}s at {h:00}:00" : "")}";

    private string FigureName => Enum.TryParse<ReportFigure>(Figure, out var f) ? f switch
    {
        ReportFigure.Opened => "Opened",
        ReportFigure.Closed => "Closed",
        ReportFigure.Reopened => "Reopened within a day",
        ReportFigure.FirstResponse => "Answered for the first time",
        ReportFigure.Assignment => "Assigned for the first time",
        ReportFigure.Resolution => "Resolved",
        ReportFigure.Assigned => "Assigned by the workflow",
        ReportFigure.Queued => "Queued by the workflow",
        ReportFigure.NobodyAvailable => "Nobody available",
        _ => "Question timed out",
    } : "Conversations";

    protected override async Task OnParametersSetAsync()
    {
        var request = new ReportRequest(ParseDay(From), ParseDay(To), Zone, Team);
        var (period, error) = request.ToPeriod(Clock);
        _crumbs = [new("Reports", period is null ? "reports" : $"reports?{request.ToQuery(period)}"), new(FigureName, null, disabled: true)];
        if (period is null || !Enum.TryParse<ReportFigure>(Figure, out var figure))
        {
            _error = error ?? "Which figure? The link names none.";
            return;
        }
        if (AuthenticationState is null || await Viewers.ResolveAsync((await AuthenticationState).User) is not { } viewer) return;
        _period = period;
        ReportDimension? dimension = Enum.TryParse<ReportDimension>(Dimension, out var d) ? d : null;
        _result = await DrillDown.ListAsync(viewer, period, Team, new DrillDownFilter(figure, dimension, Key, Day, Hour));
        if (_result is null) _error = "No such team.";
    }

    private static DateOnly? ParseDay(string? value) => DateOnly.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var day) ? day : null;

    private string Local(DateTime utc) => _period!.ToLocal(utc).ToString("ddd d MMM HH:mm");
}
