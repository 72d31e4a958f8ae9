using System.Security.Cryptography;
using System.Text;

namespace Inbound.Web.WebChat;

/// <summary>
/// The visitor's token: a random value their browser keeps, and all that opens their thread. It travels only by
/// postMessage and the Blazor circuit, never in a URL; the database keeps only a hash of it, so that neither a
/// backup nor the contact panel shows a key to someone's conversation.
/// </summary>
public static class VisitorTokens
{
    public const int MaxLength = 64;

    public static bool IsValid(string? token) =>
        !string.IsNullOrWhiteSpace(token) && token.Length is >= 16 and <= MaxLength && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>A fresh token: 128 random bits, and when it was issued (unix seconds, hex) so that its age is known without storing it.</summary>
    public static string New(DateTimeOffset now) =>
        $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}-{now.ToUnixTimeSeconds():x}";

    /// <summary>When the token was issued; null for a token of an older embed script, which carries no time.</summary>
    public static DateTimeOffset? IssuedAt(string token)
    {
        var dash = token.LastIndexOf('-');
        return dash > 0 && long.TryParse(token.AsSpan(dash + 1), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var seconds)
            && seconds is > 0 and < 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

    public static string ExternalId(string token) => $"visitor-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..32]}";
}
