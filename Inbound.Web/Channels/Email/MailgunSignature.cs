using System.Security.Cryptography;
using System.Text;

namespace Inbound.Web.Channels.Email;

/// <summary>
/// Mailgun's webhook signature: <c>signature</c> is the hex HMAC-SHA256 of <c>timestamp</c> followed by <c>token</c>,
/// keyed with the HTTP webhook signing key (the channel secret). A timestamp older than the allowed age is refused
/// against replays.
/// </summary>
public static class MailgunSignature
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(15);

    public static string Sign(string timestamp, string token, byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(timestamp + token)));

    public static bool IsValid(string? timestamp, string? token, string? signature, byte[] key, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(token) || string.IsNullOrEmpty(signature)) return false;
        if (!long.TryParse(timestamp, out var seconds) || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > MaxAge) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(timestamp, token, key));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
    }
}
