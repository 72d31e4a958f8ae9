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

    /// <summary>A fresh token: 128 random bits.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string ExternalId(string token) => $"visitor-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..32]}";
}
