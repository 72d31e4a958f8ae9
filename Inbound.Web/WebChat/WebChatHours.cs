using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Web.Workflows.Engine;
using Microsoft.Extensions.Options;

namespace Inbound.Web.WebChat;

/// <summary>Whether the team is there now, as the visitor's header says it.</summary>
/// <param name="IsOpen">Null when no published workflow for the channel checks business hours.</param>
/// <param name="Opens">When closed and the hours open again: the team's local time they open, how many days from today
/// (there) that is, and the zone's city ("Berlin"), for the page to say in the visitor's language.</param>
public sealed record ChatHours(bool? IsOpen, ChatOpening? Opens);

public sealed record ChatOpening(DateTime LocalTime, int DaysAway, string Zone);

/// <summary>
/// The chat's opening hours are those of the Business hours step in the published workflow that a visitor's new
/// conversation starts: the header then says what that workflow will do, and there is no second schedule to keep in
/// step with it.
/// </summary>
public sealed class WebChatHours(PublishedWorkflows published, TimeProvider clock, IOptions<WebChatOptions> options)
{
    public async Task<ChatHours> NowAsync(CancellationToken cancellationToken = default)
    {
        var versions = await published.ActiveAsync(cancellationToken);
        var hours = versions
            .Where(v => v.Trigger is ConversationOpenedTrigger trigger && trigger.Matches(ConversationSource.Contact, options.Value.ChannelKey))
            .SelectMany(v => v.Interpreter.Definition.Nodes.OfType<BusinessHoursStep>())
            .FirstOrDefault();
        if (hours is null) return new ChatHours(null, null);
        var now = clock.GetUtcNow().UtcDateTime;
        if (hours.IsOpenAt(now)) return new ChatHours(true, null);
        if (hours.NextOpening(now) is not { } opens) return new ChatHours(false, null);
        var zone = hours.ResolveTimeZone() ?? TimeZoneInfo.Utc;
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(now, DateTimeKind.Utc), zone);
        var at = TimeZoneInfo.ConvertTimeFromUtc(opens, zone);
        return new ChatHours(false, new ChatOpening(at, DateOnly.FromDateTime(at).DayNumber - DateOnly.FromDateTime(today).DayNumber, ZoneName(hours.TimeZone)));
    }

    /// <summary>"Europe/Berlin" → "Berlin", "America/New_York" → "New York".</summary>
    private static string ZoneName(string zone) => zone[(zone.LastIndexOf('/') + 1)..].Replace('_', ' ');
}
