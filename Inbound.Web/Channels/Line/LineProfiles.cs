using System.Collections.Concurrent;
using Inbound.Web.Ingestion;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.Line;

/// <summary>
/// Fetches a contact's LINE profile when they write, at most once per <see cref="LineOptions.ProfileRefresh"/> per node,
/// so that the message carries their display name, picture and language to the contact (and the workflow that greets
/// them) without a profile call per message.
/// </summary>
public sealed class LineProfiles(LineApiClient line, IOptions<LineOptions> options, TimeProvider clock, ILogger<LineProfiles> logger)
{
    /// <summary>The contact field that holds the profile picture's URL; the inbox shows it as the contact's avatar.</summary>
    public const string PictureField = "Picture";

    /// <summary>The contact field that holds the language LINE reports (e.g. "th"), for workflows to branch on.</summary>
    public const string LanguageField = Inbound.Domain.Contacts.Contact.LanguageField;

    private readonly ConcurrentDictionary<(Guid Channel, string User), DateTime> _fetched = new();

    /// <summary>The profile when it is due for a fetch and LINE gives it; null when fresh enough or unavailable.</summary>
    public async Task<LineProfile?> DueAsync(ChannelInfo channel, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_fetched.TryGetValue((channel.Id, userId), out var at) && now - at < options.Value.ProfileRefresh) return null;
        try
        {
            var profile = await line.ProfileAsync(channel.Settings, userId, cancellationToken);
            if (profile is not null) _fetched[(channel.Id, userId)] = now;
            return profile;
        }
        catch (HttpRequestException ex)
        {
            // The message matters more than the name: it is stored anyway, and the profile is tried again next time.
            logger.LogInformation(ex, "LINE profile of {UserId} could not be fetched", userId);
            return null;
        }
    }

    /// <summary>What the profile sets on the contact besides the name.</summary>
    public static IReadOnlyDictionary<string, string>? FieldsOf(LineProfile? profile)
    {
        if (profile is null) return null;
        var fields = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(profile.PictureUrl)) fields[PictureField] = profile.PictureUrl;
        if (!string.IsNullOrWhiteSpace(profile.Language)) fields[LanguageField] = profile.Language;
        return fields;
    }
}
