namespace Inbound.Web.Reports;

/// <summary>The links a report's figures and tables lead to: the conversations behind a figure, and each table's CSV.</summary>
public sealed record ReportLinks(string Query)
{
    public string Csv(string table) => $"api/reports/csv/{table}?{Query}";

    public string Conversations(ReportFigure figure, ReportDimension? dimension = null, string? key = null) =>
        $"reports/conversations?{Query}&figure={figure}" + (dimension is { } d ? $"&dimension={d}&key={Uri.EscapeDataString(key ?? "")}" : "");

    public string HourCell(int day, int hour) => $"reports/conversations?{Query}&figure={ReportFigure.Opened}&day={day}&hour={hour}";
}
