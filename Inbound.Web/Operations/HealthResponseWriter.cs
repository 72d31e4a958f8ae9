using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inbound.Web.Operations;

/// <summary>
/// The body of /health/ready: the overall status and each check's status, description, duration and data, in the
/// shape of AspNetCore.HealthChecks.UI.Client's writer (<c>status</c>, <c>totalDuration</c>, <c>entries</c>), so
/// dashboards that read that format read this one. Exceptions stay in the log: the endpoint is unauthenticated.
/// </summary>
internal static class HealthResponseWriter
{
    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteString("totalDuration", report.TotalDuration.ToString());
        json.WriteStartObject("entries");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            if (entry.Description is { } description) json.WriteString("description", description);
            json.WriteString("duration", entry.Duration.ToString());
            json.WriteStartObject("data");
            foreach (var (key, value) in entry.Data) json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }
}
