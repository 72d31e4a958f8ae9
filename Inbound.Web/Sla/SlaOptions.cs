using System.ComponentModel.DataAnnotations;

namespace Inbound.Web.Sla;

/// <summary>How often breaches are looked for, and when the inbox warns that time is running out.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>A breach is recorded at most this long after its due time.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The time-left chip turns amber when less than this share of the target is left.</summary>
    [Range(0.01, 0.99)]
    public double WarnWhenLeft { get; set; } = 0.25;
}
