using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Reports;

/// <summary>The names the report shows for the ids its buckets are keyed by.</summary>
public sealed class ReportNames
{
    private readonly Dictionary<Guid, string> _teams, _agents, _channels, _workflows;

    private ReportNames(Dictionary<Guid, string> teams, Dictionary<Guid, string> agents, Dictionary<Guid, string> channels, Dictionary<Guid, string> workflows) =>
        (_teams, _agents, _channels, _workflows) = (teams, agents, channels, workflows);

    public static async Task<ReportNames> LoadAsync(InboundDbContext db, CancellationToken ct) => new(
        await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct),
        await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct),
        await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct),
        await db.Workflows.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Name, ct));

    public string Of(ReportDimension dimension, string key) => dimension switch
    {
        ReportDimension.Team => Lookup(_teams, key, "No team"),
        ReportDimension.Agent => Lookup(_agents, key, "Unassigned"),
        ReportDimension.Channel => Lookup(_channels, key, "Unknown channel"),
        ReportDimension.Workflow => Lookup(_workflows, key, "No workflow"),
        _ => key,
    };

    public string Team(Guid? id) => id is { } t ? Lookup(_teams, t.ToString(), "No team") : "No team";
    public string Agent(Guid? id) => id is { } a ? Lookup(_agents, a.ToString(), "Unassigned") : "Unassigned";
    public string Channel(Guid id) => Lookup(_channels, id.ToString(), "Unknown channel");

    private static string Lookup(Dictionary<Guid, string> names, string key, string none) =>
        Guid.TryParse(key, out var id) && id != Guid.Empty ? names.GetValueOrDefault(id, "(deleted)") : none;
}
