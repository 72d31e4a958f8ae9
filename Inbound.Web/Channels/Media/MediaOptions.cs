using System.ComponentModel.DataAnnotations;

namespace Inbound.Web.Channels.Media;

/// <summary>Attachments: where they are kept and what is accepted (section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The folder of the file store; null keeps files in <c>files</c> under the data folder.</summary>
    public string? Folder { get; set; }

    [Range(1, 1_073_741_824)] public long MaxFileBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Content types accepted from agents and contacts; a trailing <c>/*</c> allows a whole family.</summary>
    public List<string> AllowedContentTypes { get; set; } = [];

    public bool Allows(string contentType) =>
        (AllowedContentTypes.Count == 0 ? DefaultTypes : (IEnumerable<string>)AllowedContentTypes).Any(allowed =>
            allowed.EndsWith("/*", StringComparison.Ordinal)
                ? contentType.StartsWith(allowed[..^1], StringComparison.OrdinalIgnoreCase)
                : string.Equals(allowed, contentType, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] DefaultTypes =
        ["image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf", "audio/*", "video/mp4", "text/plain"];
}
