using Inbound.Domain.Channels;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Channels.Line;

/// <summary>What the channels page shows of a LINE channel: whether LINE reaches its webhook, and this month's push quota.</summary>
public sealed class LineChannelCheck(IDbContextFactory<InboundDbContext> dbFactory, LineApiClient line)
{
    public sealed record Quota(long? Limit, long? Used, string? Error);

    /// <summary>Asks LINE to call the webhook now; what LINE says, in words.</summary>
    public async Task<(bool Ok, string Message)> VerifyAsync(Guid channelId, string webhookUrl, CancellationToken cancellationToken = default)
    {
        if (await SettingsAsync(channelId, cancellationToken) is not { } settings) return (false, "The channel has no channel access token.");
        try
        {
            var test = await line.TestWebhookAsync(settings, webhookUrl, cancellationToken);
            return test.Success
                ? (true, $"LINE reached the webhook ({test.StatusCode} {test.Reason}).")
                : (false, $"LINE could not use the webhook: {string.Join(" · ", new object?[] { test.StatusCode, test.Reason, test.Detail }.Where(p => p is not null))}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            return (false, $"LINE could not be reached: {ex.Message}");
        }
    }

    public async Task<Quota> QuotaAsync(Guid channelId, CancellationToken cancellationToken = default)
    {
        if (await SettingsAsync(channelId, cancellationToken) is not { } settings) return new Quota(null, null, "No channel access token yet.");
        try
        {
            var (limit, used) = await line.QuotaAsync(settings, cancellationToken);
            return new Quota(limit, used, used is null ? "LINE did not report the quota." : null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            return new Quota(null, null, $"LINE could not be reached: {ex.Message}");
        }
    }

    private async Task<IReadOnlyDictionary<string, string>?> SettingsAsync(Guid channelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId && c.Type == ChannelType.Line, cancellationToken);
        return channel?.Setting(ChannelSettingNames.LineAccessToken) is null ? null : channel.Settings;
    }
}
