using System.Security.Cryptography;
using System.Text;

namespace Inbound.Web.WebChat.Identity;

/// <summary>What the embedding site says about its signed-in user; nothing of it is believed until <see cref="Hash"/> checks out.</summary>
/// <param name="Hash">HMAC-SHA256 of <see cref="UserId"/> keyed by the channel's identity secret, in hex.</param>
public sealed record IdentityClaim(string? UserId, string? Name, string? Email, string? Hash);

/// <summary>A signed-in user of the site whose claim was verified: their conversations on any device land on one contact.</summary>
public sealed record VerifiedVisitor(string UserId, string? Name, string? Email)
{
    public string ExternalId => $"user-{UserId}";
}

/// <summary>
/// The identity hash of Chatwoot's <c>identifier_hash</c> and Intercom's <c>user_hash</c>: the site's server computes
/// <c>HMAC-SHA256(key: identity secret, message: user id)</c> as lowercase hex and puts it in the page beside the id.
/// Only someone holding the secret can make one, so a visitor cannot claim another user's id.
/// </summary>
public static class IdentityHash
{
    public const int MaxUserIdLength = 128;

    public static string Compute(string secret, string userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(userId)));

    public static bool Matches(string secret, string userId, string hash)
    {
        var expected = Encoding.ASCII.GetBytes(Compute(secret, userId));
        var given = Encoding.ASCII.GetBytes(hash.Trim().ToLowerInvariant());
        // Constant time: how many leading characters matched must not show in how long the answer took.
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
