using Inbound.Web.Data;
using Inbound.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Accounts;

/// <param name="Language">"en", "th", or null for the browser's language.</param>
/// <param name="TimeZone">An IANA zone id, or null for the browser's zone.</param>
public sealed record UserPreference(string? Language, string? TimeZone);

/// <summary>The language and time zone a user chose on their profile.</summary>
public sealed class UserPreferences(IDbContextFactory<InboundDbContext> dbFactory)
{
    public async Task<UserPreference> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new UserPreference(u.Language, u.TimeZone)).FirstOrDefaultAsync(cancellationToken) ?? new(null, null);
    }

    /// <summary>Stores the choice; a language or zone the app does not know is stored as "follow the browser".</summary>
    public async Task SaveAsync(string userId, UserPreference preference, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var language = SupportedLanguages.IsSupported(preference.Language) ? preference.Language : null;
        var zone = UserTime.FindZone(preference.TimeZone) is null ? null : preference.TimeZone;
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language).SetProperty(u => u.TimeZone, zone), cancellationToken);
    }
}
