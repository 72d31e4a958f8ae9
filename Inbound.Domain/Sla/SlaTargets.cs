using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Sla;

/// <summary>A team's promises, in business time: null means no promise of that kind.</summary>
public sealed record SlaTargets(TimeSpan? FirstResponse, TimeSpan? Resolution)
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(90);

    public static SlaTargets None { get; } = new(null, null);

    public bool Any => FirstResponse is not null || Resolution is not null;

    public void Validate()
    {
        foreach (var target in new[] { FirstResponse, Resolution })
            if (target is { } t && (t < TimeSpan.FromMinutes(1) || t > Longest))
                throw new DomainException("An SLA target is between 1 minute and 90 days of business time.");
    }
}
