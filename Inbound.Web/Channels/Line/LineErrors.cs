using System.Text.Json.Nodes;
using Inbound.Web.Inbox.Delivery;

namespace Inbound.Web.Channels.Line;

/// <summary>
/// Reads LINE's error answers (<c>{"message": "...", "details": [...]}</c>). Both a burst over the rate limit and an
/// exhausted monthly quota answer 429; only the message tells them apart, and only the first is worth retrying soon.
/// </summary>
public static class LineErrors
{
    // The message LINE documents for a push beyond the monthly limit.
    private const string MonthlyLimit = "You have reached your monthly limit.";

    public static string? MessageOf(string body)
    {
        try { return JsonNode.Parse(body)?["message"]?.GetValue<string>() ?? (body.Length > 0 ? body : null); }
        catch (System.Text.Json.JsonException) { return body.Length > 300 ? body[..300] : body; }
    }

    /// <summary>A refused reply or push as a delivery result whose error an agent can read.</summary>
    public static DeliveryResult Classify(int status, string body)
    {
        var message = MessageOf(body) ?? "no details";
        if (status == 429 && message.Contains(MonthlyLimit, StringComparison.OrdinalIgnoreCase))
            return DeliveryResult.Refused($"LINE's monthly message quota is used up: {message} Replies go out again next month or after the plan is raised.");
        if (status == 429) return DeliveryResult.Transient($"LINE's rate limit was exceeded (429): {message}");
        return status is 408 or >= 500
            ? DeliveryResult.Transient($"LINE answered {status}: {message}")
            : DeliveryResult.Refused($"LINE refused the message ({status}): {message}");
    }
}
