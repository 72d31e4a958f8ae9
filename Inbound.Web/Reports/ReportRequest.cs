using System.Globalization;
using Inbound.Domain.Reports;
using Inbound.Domain.SeedWork;

namespace Inbound.Web.Reports;

/// <summary>
/// A report as a link names it: <c>from</c> and <c>to</c> (yyyy-MM-dd, inclusive), an IANA time <c>zone</c> and an
/// optional <c>team</c>. Missing dates mean the last 7 days up to today in the zone.
/// </summary>
public sealed record ReportRequest(DateOnly? From, DateOnly? To, string? Zone, Guid? Team)
{
    public const string DefaultZone = "UTC";
    public const int DefaultDays = 7;

    /// <summary>Zones offered in the page's picker; any IANA id works in a link.</summary>
    public static readonly string[] CommonZones =
        ["UTC", "Europe/Berlin", "Europe/London", "Europe/Madrid", "America/New_York", "America/Chicago", "America/Los_Angeles", "America/Sao_Paulo", "Asia/Bangkok", "Asia/Tokyo", "Australia/Sydney"];

    /// <returns>The period, or the reason the request names none.</returns>
    public (ReportPeriod? Period, string? Error) ToPeriod(TimeProvider clock)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(Zone ?? DefaultZone, out var zone)) return (null, $"Unknown time zone '{Zone}'.");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
        var to = To ?? today;
        var from = From ?? to.AddDays(1 - DefaultDays);
        try
        {
            return (new ReportPeriod(from, to, zone), null);
        }
        catch (DomainException e)
        {
            return (null, e.Message);
        }
    }

    // The link's dates are read back in the invariant culture: a Thai reader's calendar would write the Buddhist year.
    public string ToQuery(ReportPeriod period) => string.Create(CultureInfo.InvariantCulture,
        $"from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}&zone={Uri.EscapeDataString(period.Zone.Id)}") + (Team is { } t ? $"&team={t}" : "");
}
