using System.Globalization;
using Inbound.Domain.Reports;
using Inbound.Web.Inbox;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Inbound.Web.Reports;

/// <summary>
/// The report for a period, zone and team named in the link (so that a report can be bookmarked and shared); the
/// filters change the link, and the page reads the report once for it.
/// </summary>
public partial class ReportsPage
{
    [Inject] private ReportQueries Queries { get; set; } = null!;
    [Inject] private InboxViewers Viewers { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IStringLocalizer<ReportsPage> L { get; set; } = null!;
    [Inject] private IStringLocalizer<WorkflowOutcomesTable> OutcomeText { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "zone")] public string? Zone { get; set; }
    [SupplyParameterFromQuery(Name = "team")] public Guid? Team { get; set; }

    private ReportResult? _report;
    private ReportLinks? _links;
    private string? _error;
    private IReadOnlyList<(Guid Id, string Name)> _teams = [];
    private DateTime? _from, _to;
    private string _zone = ReportRequest.DefaultZone;
    private Guid? _team;

    private IEnumerable<string> ZoneChoices => ReportRequest.CommonZones.Contains(_zone) ? ReportRequest.CommonZones : [_zone, .. ReportRequest.CommonZones];

    protected override async Task OnParametersSetAsync()
    {
        if (AuthenticationState is null || await Viewers.ResolveAsync((await AuthenticationState).User) is not { } viewer) return;
        _teams = await Queries.TeamsAsync(viewer);
        var request = new ReportRequest(ParseDay(From), ParseDay(To), Zone, Team);
        var (period, error) = request.ToPeriod(Clock);
        (_report, _error) = (null, error);
        if (period is null) return;
        (_from, _to, _zone, _team) = (period.From.ToDateTime(TimeOnly.MinValue), period.To.ToDateTime(TimeOnly.MinValue), period.Zone.Id, Team);
        _report = await Queries.BuildAsync(viewer, period, Team);
        if (_report is null) _error = L["NoSuchTeam"];
        _links = new ReportLinks(request.ToQuery(period));
    }

    private static DateOnly? ParseDay(string? value) => DateOnly.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var day) ? day : null;

    private void Show()
    {
        var from = _from is { } f ? DateOnly.FromDateTime(f) : (DateOnly?)null;
        var to = _to is { } t ? DateOnly.FromDateTime(t) : (DateOnly?)null;
        var query = string.Create(CultureInfo.InvariantCulture, $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&zone={Uri.EscapeDataString(_zone)}")
            + (_team is { } team ? $"&team={team}" : "");
        Navigation.NavigateTo($"reports?{query}");
    }

    private string TeamName(Guid? id) => id is { } t ? _teams.FirstOrDefault(x => x.Id == t).Name ?? "" : L["AllMyTeams"];

    private List<ChartSeries<double>> TeamSeries =>
    [
        new() { Name = L["Opened"], Data = _report!.Teams.Select(t => (double)t.Opened).ToArray() },
        new() { Name = L["Closed"], Data = _report.Teams.Select(t => (double)t.Closed).ToArray() },
    ];

    private string[] TeamLabels => _report!.Teams.Select(t => t.Name).ToArray();

    private List<ChartSeries<double>> ChannelSeries => [new() { Name = L["Opened"], Data = _report!.Channels.Select(c => (double)c.Opened).ToArray() }];

    private string[] ChannelLabels => _report!.Channels.Select(c => c.Name).ToArray();

    private static readonly WorkflowOutcome[] Outcomes = Enum.GetValues<WorkflowOutcome>();

    private List<ChartSeries<double>> OutcomeSeries =>
        [new() { Name = L["Conversations"], Data = Outcomes.Select(o => (double)_report!.Outcomes.Sum(r => r.Count(o))).ToArray() }];

    private string[] OutcomeLabels => Outcomes.Select(o => WorkflowOutcomesTable.Label(OutcomeText, o)).ToArray();

    private List<ChartSeries<double>> CategorySeries => [new() { Name = L["Closed"], Data = _report!.Categories.Select(c => (double)c.Closed).ToArray() }];

    private List<ChartSeries<double>> BreachSeries =>
    [
        new() { Name = L["FirstResponse"], Data = _report!.Teams.Select(t => (double)t.Breaches.FirstResponse).ToArray() },
        new() { Name = L["Resolution"], Data = _report.Teams.Select(t => (double)t.Breaches.Resolution).ToArray() },
    ];

    private List<ChartSeries<double>> CsatSeries => [new() { Name = L["Ratings"], Data = _report!.Totals.Csat.Ratings.Select(n => (double)n).ToArray() }];

    private static readonly string[] CsatLabels = ["1", "2", "3", "4", "5"];

    private string[] CategoryLabels => _report!.Categories.Select(c => c.Category).ToArray();
}
