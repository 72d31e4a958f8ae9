using System.Security.Claims;
using Inbound.Web.Accounts;

namespace Inbound.Web.Admin.Audit;

/// <summary>Who is acting: the signed-in person, or the system (seeding, a background job).</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static readonly Actor System = new(null, "System");

    public static Actor From(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.GetDisplayName() is { Length: > 0 } name ? name : user.Identity?.Name ?? "Unknown");
}

/// <summary>Records admin actions. Any feature that changes the workspace calls it after its change is saved.</summary>
public interface IAuditLog
{
    Task RecordAsync(Actor actor, string action, string subject, string detail = "", CancellationToken cancellationToken = default);
}
