using Inbound.Domain.Channels;
using Inbound.Web.Data;
using Inbound.Web.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.WebChat.Identity;

/// <summary>The verdict on a site's claim: the verified visitor, or the error the visitor is shown while they chat as a guest.</summary>
public sealed record IdentityCheck(VerifiedVisitor? Visitor, string? Error);

/// <summary>Checks a site's claim about its signed-in user against the web chat channel's identity secret.</summary>
public sealed class VisitorVerification(
    ChannelDirectory channels,
    IDbContextFactory<InboundDbContext> dbFactory,
    IOptions<WebChatOptions> options,
    ILogger<VisitorVerification> logger)
{
    public const string Refused = "We couldn't confirm your account, so you're chatting as a guest. Your messages still reach us.";

    /// <summary>
    /// Verifies the claim; a verified user's contact, if there is one already, takes the name and email the site sent
    /// now (an email changed on the site changes on the contact).
    /// </summary>
    public async Task<IdentityCheck> VerifyAsync(IdentityClaim claim, CancellationToken cancellationToken = default)
    {
        var channel = await channels.FindAsync(options.Value.ChannelKey, cancellationToken);
        var secret = channel?.Settings.GetValueOrDefault(ChannelSettingNames.IdentitySecret);
        var userId = claim.UserId?.Trim();
        if (string.IsNullOrEmpty(secret))
        {
            logger.LogWarning("A site sent a signed-in user's identity, but the web chat channel has no identity secret");
            return new IdentityCheck(null, Refused);
        }
        if (channel is null || string.IsNullOrEmpty(userId) || userId.Length > IdentityHash.MaxUserIdLength
            || string.IsNullOrWhiteSpace(claim.Hash) || !IdentityHash.Matches(secret, userId, claim.Hash))
        {
            logger.LogWarning("Refused a web chat identity claim for user {UserId}: the hash does not match", userId);
            return new IdentityCheck(null, Refused);
        }
        var visitor = new VerifiedVisitor(userId, Clip(claim.Name, 100), Clip(claim.Email, 320));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Identities.Any(i => i.ChannelId == channel.Id && i.ExternalId == visitor.ExternalId), cancellationToken);
        if (contact is not null && (visitor.Name is not null && visitor.Name != contact.Name || visitor.Email is not null && visitor.Email != contact.Email))
        {
            contact.UpdateProfile(visitor.Name, null, visitor.Email);
            await db.SaveChangesAsync(cancellationToken);
        }
        return new IdentityCheck(visitor, null);
    }

    private static string? Clip(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var v && v.Length > max ? v[..max] : v;
}
