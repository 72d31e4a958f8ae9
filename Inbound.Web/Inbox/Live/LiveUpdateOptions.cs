using System.ComponentModel.DataAnnotations;

namespace Inbound.Web.Inbox.Live;

/// <summary>How live pages take events: at most one batch per <see cref="Interval"/>, from a buffer of <see cref="BufferCapacity"/>.</summary>
public sealed class LiveUpdateOptions
{
    public const string Section = "Inbox:Live";

    /// <summary>The least time between two batches of one page; events in between make one batch and one render.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Events a page may have waiting; past it the page re-reads instead of receiving more.</summary>
    [Range(16, 100_000)]
    public int BufferCapacity { get; set; } = 2_000;
}
