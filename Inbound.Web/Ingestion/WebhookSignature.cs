using System.Security.Cryptography;

namespace Inbound.Web.Ingestion;

/// <summary>
/// The <c>X-Inbound-Signature-256: sha256=&lt;hex&gt;</c> header: HMAC-SHA256 of the raw body bytes with the
/// channel secret. The body is hashed exactly as received, before any parsing.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Inbound-Signature-256";
    private const string Prefix = "sha256=";

    public static string Sign(ReadOnlySpan<byte> body, byte[] secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    public static bool IsValid(string? header, ReadOnlySpan<byte> body, byte[] secret)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var hex = header.AsSpan(Prefix.Length);
        if (hex.Length != HMACSHA256.HashSizeInBytes * 2) return false;
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(hex, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != given.Length)
            return false;
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, body, expected);
        // Constant time, so that a forger learns nothing from how long a wrong guess takes.
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
