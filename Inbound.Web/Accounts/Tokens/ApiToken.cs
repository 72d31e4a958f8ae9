namespace Inbound.Web.Accounts.Tokens;

/// <summary>A personal access token: only its SHA-256 hash is stored; the secret is shown once when created.</summary>
public sealed class ApiToken
{
    private ApiToken() { UserId = Name = Hash = Prefix = ""; }

    public ApiToken(string userId, string name, string hash, string prefix, DateTime createdAt)
    {
        UserId = userId;
        Name = name;
        Hash = hash;
        Prefix = prefix;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string UserId { get; private set; }
    public string Name { get; private set; }
    public string Hash { get; private set; }

    /// <summary>The first characters of the secret, so the owner can tell tokens apart.</summary>
    public string Prefix { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
