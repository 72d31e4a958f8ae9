using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Web.Workflows.Engine;
using Microsoft.Extensions.Options;

namespace Inbound.Web.WebChat;

/// <summary>Whether the team is there now, as the visitor's header says it.</summary>
/// <param name="IsOpen">Null when no published workflow for the channel checks business hours.</param>
/// <param name="Opens">When closed: "tomorrow at 08:00 (Berlin time)".</param>
public sealed record ChatHours(bool? IsOpen, string? Opens);

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
        var opens = hours.DescribeNextOpening(now);
        return new ChatHours(false, opens is null ? null : $"{opens} ({ZoneName(hours.TimeZone)} time)");
    }

    /// <summary>"Europe/Berlin" → "Berlin", "America/New_York" → "New York".</summary>
    private static string ZoneName(string zone) => zone[(zone.LastIndexOf('/') + 1)..].Replace('_', ' ');
}
