using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.Line;

/// <summary>
/// LINE sends images by URL, fetched by LINE's servers without any login: each file a reply carries gets a link
/// signed with the channel secret that expires after a week, so that a leaked link does not serve the file for ever.
/// </summary>
public sealed class LineMediaLinks(IOptions<LineOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string PathFor(string channelKey, Guid fileId) => $"api/channels/{channelKey}/line/media/{fileId:N}";

    /// <summary>The public link, or null when Inbound does not know its public address.</summary>
    public string? LinkFor(string channelKey, Guid fileId, string secret)
    {
        if (string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)) return null;
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        return $"{options.Value.PublicBaseUrl.TrimEnd('/')}/{PathFor(channelKey, fileId)}?expires={expires}&sig={Sign(fileId, expires, secret)}";
    }

    public bool IsValid(Guid fileId, long expires, string? signature, string secret)
    {
        if (signature is null || DateTimeOffset.FromUnixTimeSeconds(expires) < clock.GetUtcNow()) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(fileId, expires, secret));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private static string Sign(Guid fileId, long expires, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{fileId:N}.{expires.ToString(CultureInfo.InvariantCulture)}")));
}
