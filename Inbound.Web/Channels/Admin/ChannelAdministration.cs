using Inbound.Domain.Channels;
using Inbound.Domain.Conversations;
using Inbound.Domain.SeedWork;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Channels.Telegram;
using Inbound.Web.Data;
using Inbound.Web.Inbox.Delivery;
using Inbound.Web.Ingestion;
using Inbound.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inbound.Web.Channels.Admin;

/// <summary>
/// The channels page's reads and changes. Every change drops the channel from this node's webhook cache at once;
/// other nodes hear of it through Redis, or notice through <see cref="ChannelCacheRefresher"/>. Secrets are written, never read back in full, and
/// every change is in the audit log (which settings changed and that a secret was rotated, never their values).
/// </summary>
public sealed class ChannelAdministration(
    IDbContextFactory<InboundDbContext> dbFactory,
    ChannelDirectory directory,
    TelegramBotClient telegram,
    IEnumerable<IChannelSender> senders,
    IAuditLog audit,
    TimeProvider clock,
    IStringLocalizer<ChannelAdministration> l,
    IStringLocalizer<Phrases> phrases)
{
    public async Task<IReadOnlyList<ChannelRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-24);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var traffic = await db.Messages.AsNoTracking()
            .Where(m => m.Direction != MessageDirection.InternalNote)
            .GroupBy(m => m.ChannelId)
            .Select(g => new
            {
                ChannelId = g.Key,
                LastIn = g.Where(m => m.Direction == MessageDirection.Inbound).Max(m => (DateTime?)m.CreatedAt),
                LastOut = g.Where(m => m.Direction == MessageDirection.Outbound).Max(m => (DateTime?)m.CreatedAt),
                Failures = g.Count(m => m.DeliveryStatus == DeliveryStatus.Failed && m.CreatedAt >= since),
            })
            .ToDictionaryAsync(t => t.ChannelId, cancellationToken);
        return channels.Select(c =>
        {
            var t = traffic.GetValueOrDefault(c.Id);
            var settings = c.Settings.ToDictionary(s => s.Key, s => ChannelSettingNames.Secrets.Contains(s.Key) ? ChannelDraft.Mask(s.Value) : s.Value);
            return new ChannelRow(c.Id, c.Key, c.Name, c.Type, c.IsEnabled, ChannelDraft.Mask(c.Secret), settings, t?.LastIn, t?.LastOut, t?.Failures ?? 0)
            {
                Templates = c.Templates,
            };
        }).ToList();
    }

    /// <returns>Null when saved; otherwise what is wrong (or, saved, what did not work after), in the admin's language.</returns>
    public async Task<ChannelSaveProblem?> SaveAsync(Actor actor, Guid? id, ChannelDraft draft, string publicBaseUrl, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Channel channel;
        var rotated = new List<string>();
        var changed = new List<string>();
        try
        {
            if (id is null)
            {
                if (string.IsNullOrWhiteSpace(draft.Secret)) return new(false, l["SecretMissing"]);
                if (await db.Channels.AnyAsync(c => c.Key == draft.Key.Trim(), cancellationToken)) return new(false, l["KeyTaken", draft.Key]);
                channel = new Channel(draft.Key, draft.Name, draft.Type, draft.Secret);
                db.Channels.Add(channel);
            }
            else
            {
                channel = await db.Channels.SingleAsync(c => c.Id == id, cancellationToken);
                channel.Rename(draft.Name);
                if (!string.IsNullOrEmpty(draft.Secret))
                {
                    channel.RotateSecret(draft.Secret);
                    rotated.Add("secret");
                }
            }
            foreach (var (name, value) in draft.Settings)
                // A secret left empty in the form keeps what is stored; other settings are cleared by emptying them.
                if (!(ChannelSettingNames.Secrets.Contains(name) && string.IsNullOrEmpty(value)))
                {
                    if (channel.Setting(name) == (string.IsNullOrWhiteSpace(value) ? null : value.Trim())) continue;
                    channel.Configure(name, value);
                    (ChannelSettingNames.Secrets.Contains(name) ? rotated : changed).Add(name);
                }
            if (channel.Type == ChannelType.WhatsApp)
            {
                var templates = draft.Templates.Where(t => !t.IsBlank).Select(t => new MessageTemplate(t.Name!, t.Language!, t.Body!)).ToList();
                if (!templates.SequenceEqual(channel.Templates))
                {
                    channel.SetTemplates(templates);
                    changed.Add("templates");
                }
            }
        }
        catch (DomainException ex)
        {
            return new(false, phrases.Say(ex.Said, ex.Message));
        }
        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate(channel.Key);
        await RecordSaveAsync(actor, id is null, channel, changed, rotated, cancellationToken);

        if (channel is { Type: ChannelType.Telegram, IsEnabled: true } && channel.Setting(ChannelSettingNames.TelegramBotToken) is not null)
        {
            try
            {
                if (await telegram.SetWebhookAsync(channel.Settings, $"{publicBaseUrl.TrimEnd('/')}/{ProviderWebhooks.PathFor(ChannelType.Telegram, channel.Key)}", channel.Secret,
                        cancellationToken) is { } refusal)
                    return new(true, l["SavedButTelegramRefused", refusal]);
            }
            catch (HttpRequestException ex)
            {
                return new(true, l["SavedButTelegramUnreachable", ex.Message]);
            }
        }
        return null;
    }

    private async Task RecordSaveAsync(Actor actor, bool added, Channel channel, List<string> changed, List<string> rotated, CancellationToken cancellationToken)
    {
        var subject = Subject(channel);
        if (added) await audit.RecordAsync(actor, "channel.added", subject, $"{channel.Type}, key {channel.Key}", cancellationToken);
        else await audit.RecordAsync(actor, "channel.edited", subject, changed.Count > 0 ? $"Changed {string.Join(", ", changed)}" : "", cancellationToken);
        // A rotation is what a security review looks for: its own entry, naming what was rotated but never the value.
        if (!added && rotated.Count > 0) await audit.RecordAsync(actor, "channel.secret-rotated", subject, $"Rotated {string.Join(", ", rotated)}", cancellationToken);
    }

    private static string Subject(Channel channel) => $"Channel {channel.Name}";

    public async Task SetEnabledAsync(Actor actor, Guid id, bool enabled, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.SingleAsync(c => c.Id == id, cancellationToken);
        if (enabled) channel.Enable();
        else channel.Disable();
        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate(channel.Key);
        await audit.RecordAsync(actor, enabled ? "channel.enabled" : "channel.disabled", Subject(channel), cancellationToken: cancellationToken);
    }

    /// <returns>Null when deleted; otherwise why not.</returns>
    public async Task<string?> DeleteAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.SingleAsync(c => c.Id == id, cancellationToken);
        // Conversations keep their channel: one that carried traffic can be disabled, not deleted.
        if (await db.Conversations.AnyAsync(c => c.ChannelId == id, cancellationToken) || await db.ContactIdentities.AnyAsync(i => i.ChannelId == id, cancellationToken))
            return l["HasConversations", channel.Name];
        db.Channels.Remove(channel);
        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate(channel.Key);
        await audit.RecordAsync(actor, "channel.deleted", Subject(channel), $"{channel.Type}, key {channel.Key}", cancellationToken);
        return null;
    }

    /// <summary>Sends a message straight through the channel's sender (not the outbox), to check its settings.</summary>
    public async Task<DeliveryResult> SendTestAsync(Guid id, string recipient, string text, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
        var sender = senders.FirstOrDefault(s => s.ChannelType == channel.Type);
        if (sender is null) return DeliveryResult.Refused(l["CannotSendOn", channel.Type]);
        var message = new OutboundMessage(Guid.CreateVersion7(), Guid.Empty, channel.Id, channel.Key, recipient.Trim(), text)
        {
            Settings = channel.Settings,
            Secret = channel.Secret,
            // A test is an answer to nobody: the service window does not apply to it here, WhatsApp will say if it does.
            ContactLastMessageAt = clock.GetUtcNow().UtcDateTime,
        };
        try
        {
            return await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            return DeliveryResult.Transient(ex.Message);
        }
    }
}

/// <param name="Saved">The channel is saved, and <paramref name="Message"/> says what did not work after it (the webhook).</param>
public sealed record ChannelSaveProblem(bool Saved, string Message);
