using System.Security.Cryptography;

namespace Inbound.Web.Channels.Line;

/// <summary>
/// <c>X-Line-Signature</c>: the base64 HMAC-SHA256 of the raw request body, keyed with the channel secret. LINE signs
/// the bytes it sent, so they are hashed exactly as received, before anything is parsed.
/// </summary>
public static class LineSignature
{
    public const string Header = "X-Line-Signature";

    public static string Sign(ReadOnlySpan<byte> body, byte[] secret) => Convert.ToBase64String(HMACSHA256.HashData(secret, body));

    public static bool IsValid(string? header, ReadOnlySpan<byte> body, byte[] secret)
    {
        if (string.IsNullOrEmpty(header)) return false;
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(header, given, out var written) || written != given.Length) return false;
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, body, expected);
        // Constant time, so that a forger learns nothing from how long a wrong guess takes.
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
