using System.Security.Cryptography;
using System.Text;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Accounts.Tokens;

public sealed record ApiTokenInfo(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

/// <summary>The secret of a new token, returned once: it cannot be read back later.</summary>
public sealed record CreatedApiToken(ApiTokenInfo Token, string Secret);

public sealed class ApiTokenService(IDbContextFactory<InboundDbContext> dbFactory, TimeProvider clock, Admin.Audit.IAuditLog audit)
{
    public const string SecretPrefix = "inb_";

    public async Task<CreatedApiToken> CreateAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        name = string.IsNullOrWhiteSpace(name) ? "Personal token" : name.Trim();
        if (name.Length > 100) name = name[..100];
        var secret = SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken(userId, name, Hash(secret), secret[..12], clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Set<ApiToken>().Add(token);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(await ActorAsync(db, userId, cancellationToken), "token.created", token.Name, $"Prefix {token.Prefix}", cancellationToken);
        return new CreatedApiToken(ToInfo(token), secret);
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.Set<ApiToken>().AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken);
        return tokens.OrderByDescending(t => t.CreatedAt).Select(ToInfo).ToList();
    }

    /// <returns>False when the token is not the user's.</returns>
    public async Task<bool> RevokeAsync(string userId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.Set<ApiToken>().SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null) return false;
        token.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(await ActorAsync(db, userId, cancellationToken), "token.revoked", token.Name, $"Prefix {token.Prefix}", cancellationToken);
        return true;
    }

    /// <summary>The owner of an active token with this secret, or null.</summary>
    public async Task<string?> FindUserIdAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal)) return null;
        var hash = Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ApiToken>().AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Select(t => t.UserId)
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static async Task<Admin.Audit.Actor> ActorAsync(InboundDbContext db, string userId, CancellationToken ct) =>
        new(userId, await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? userId);

    // The secret carries 256 random bits, so a fast unsalted hash is enough: there is nothing to brute-force.
    internal static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static ApiTokenInfo ToInfo(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt);
}
