using Inbound.Domain.Reports;
using Inbound.Web.Inbox;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Inbound.Web.Reports;

/// <summary>The conversations behind one figure of a report, each linking to its thread in the inbox.</summary>
public partial class ReportConversationsPage
{
    [Inject] private ReportDrillDown DrillDown { get; set; } = null!;
    [Inject] private InboxViewers Viewers { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IStringLocalizer<ReportConversationsPage> L { get; set; } = null!;
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

    private string Title => Day is { } d && Hour is { } h ? L["FigureAtHour", FigureName, ReportFormat.Weekday(d), $"{h:00}:00"] : FigureName;

    private string FigureName => Enum.TryParse<ReportFigure>(Figure, out var f) ? f switch
    {
        ReportFigure.Opened => L["Opened"],
        ReportFigure.Closed => L["Closed"],
        ReportFigure.Reopened => L["ReopenedWithinADay"],
        ReportFigure.FirstResponse => L["AnsweredFirstTime"],
        ReportFigure.Assignment => L["AssignedFirstTime"],
        ReportFigure.Resolution => L["Resolved"],
        ReportFigure.Assigned => L["AssignedByWorkflow"],
        ReportFigure.Queued => L["QueuedByWorkflow"],
        ReportFigure.NobodyAvailable => L["NobodyAvailable"],
        ReportFigure.QuestionTimedOut => L["QuestionTimedOut"],
        ReportFigure.FirstResponseBreached => L["FirstResponseBreached"],
        ReportFigure.ResolutionBreached => L["ResolutionBreached"],
        _ => L["Rated"],
    } : L["Conversations"];

    protected override async Task OnParametersSetAsync()
    {
        var request = new ReportRequest(ParseDay(From), ParseDay(To), Zone, Team);
        var (period, error) = request.ToPeriod(Clock);
        _crumbs = [new(L["Reports"], period is null ? "reports" : $"reports?{request.ToQuery(period)}"), new(FigureName, null, disabled: true)];
        if (period is null || !Enum.TryParse<ReportFigure>(Figure, out var figure))
        {
            _error = error ?? L["WhichFigure"];
            return;
        }
        if (AuthenticationState is null || await Viewers.ResolveAsync((await AuthenticationState).User) is not { } viewer) return;
        _period = period;
        ReportDimension? dimension = Enum.TryParse<ReportDimension>(Dimension, out var d) ? d : null;
        _result = await DrillDown.ListAsync(viewer, period, Team, new DrillDownFilter(figure, dimension, Key, Day, Hour));
        if (_result is null) _error = L["NoSuchTeam"];
    }

    private static DateOnly? ParseDay(string? value) => DateOnly.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var day) ? day : null;

    private string Local(DateTime utc) => _period!.ToLocal(utc).ToString("ddd d MMM HH:mm");
}
