using Inbound.Domain.Channels;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inbound.Web.Channels.Line;

/// <summary>What the channels page shows of a LINE channel: whether LINE reaches its webhook, and this month's push quota.</summary>
/// <remarks>Its words are the admin's language (LineChannelCheck.resx); what LINE itself says stays as LINE says it.</remarks>
public sealed class LineChannelCheck(IDbContextFactory<InboundDbContext> dbFactory, LineApiClient line, IStringLocalizer<LineChannelCheck> l)
{
    public sealed record Quota(long? Limit, long? Used, string? Error);

    /// <summary>Asks LINE to call the webhook now; what LINE says, in words.</summary>
    public async Task<(bool Ok, string Message)> VerifyAsync(Guid channelId, string webhookUrl, CancellationToken cancellationToken = default)
    {
        if (await SettingsAsync(channelId, cancellationToken) is not { } settings) return (false, l["NoAccessToken"]);
        try
        {
            var test = await line.TestWebhookAsync(settings, webhookUrl, cancellationToken);
            return test.Success
                ? (true, l["WebhookReached", test.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", test.Reason ?? ""])
                : (false, l["WebhookRefused", string.Join(" · ", new object?[] { test.StatusCode, test.Reason, test.Detail }.Where(p => p is not null))]);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            return (false, l["Unreachable", ex.Message]);
        }
    }

    public async Task<Quota> QuotaAsync(Guid channelId, CancellationToken cancellationToken = default)
    {
        if (await SettingsAsync(channelId, cancellationToken) is not { } settings) return new Quota(null, null, l["NoAccessTokenYet"]);
        try
        {
            var (limit, used) = await line.QuotaAsync(settings, cancellationToken);
            return new Quota(limit, used, used is null ? l["NoQuota"].Value : null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            return new Quota(null, null, l["Unreachable", ex.Message]);
        }
    }

    private async Task<IReadOnlyDictionary<string, string>?> SettingsAsync(Guid channelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId && c.Type == ChannelType.Line, cancellationToken);
        return channel?.Setting(ChannelSettingNames.LineAccessToken) is null ? null : channel.Settings;
    }
}
