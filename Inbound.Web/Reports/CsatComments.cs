using Inbound.Domain.Reports;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Reports;

/// <summary>
/// The comments contacts left with the ratings given in the period, newest first. Comments are text, not figures, so
/// they are not in the buckets: the facts find the period's ratings by their indexed rating time.
/// </summary>
public static class CsatComments
{
    public const int Limit = 50;

    public static async Task<IReadOnlyList<CsatCommentRow>> ListAsync(InboundDbContext db, ReportPeriod period, List<Guid> teamIds, ReportNames names,
        CancellationToken ct)
    {
        var start = ReportContributions.HourOf(period.StartUtc);
        var end = period.EndUtc;
        var noTeam = teamIds.Contains(Guid.Empty);
        var rows = await (from f in db.Set<ConversationFact>().AsNoTracking()
                          where f.CsatRatedAt >= start && f.CsatRatedAt < end && (f.TeamId == null ? noTeam : teamIds.Contains(f.TeamId.Value))
                          join c in db.Conversations.AsNoTracking() on f.ConversationId equals c.Id
                          where c.CsatComment != null
                          join contact in db.Contacts.AsNoTracking() on c.ContactId equals contact.Id
                          orderby f.CsatRatedAt descending
                          select new { f.ConversationId, Contact = contact.Name, f.TeamId, Rating = f.CsatRating!.Value, Comment = c.CsatComment!, RatedAt = f.CsatRatedAt!.Value })
            .Take(Limit).ToListAsync(ct);
        return rows.Select(r => new CsatCommentRow(r.ConversationId, r.Contact ?? "Unknown contact", names.Team(r.TeamId), r.Rating, r.Comment, r.RatedAt)).ToList();
    }
}
