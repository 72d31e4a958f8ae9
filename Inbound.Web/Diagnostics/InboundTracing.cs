using System.Diagnostics;

namespace Inbound.Web.Diagnostics;

/// <summary>
/// The spans of Inbound's own background work, beside the request, HTTP client and EF Core spans of the libraries:
/// an ingestion batch, an engine batch, an outbox delivery. Starting one costs nothing while no listener is attached.
/// </summary>
public static class InboundTracing
{
    public const string SourceName = "Inbound";

    public static readonly ActivitySource Source = new(SourceName);

    // A span with a link per item stays readable and cheap to export; a bigger batch links its first ones.
    private const int MaxLinks = 64;

    /// <summary>The context to carry with queued work, so that its batch joins the trace that queued it.</summary>
    public static ActivityContext CurrentContext => Activity.Current?.Context ?? default;

    /// <summary>
    /// A batch of queued items: a child of the first item's trace (so one message's trace runs from its webhook request
    /// through the writer to the engine), and linked to every item's, as OpenTelemetry's messaging conventions do for
    /// batches. A batch that nothing traced starts its own trace.
    /// </summary>
    public static Activity? StartBatch(string name, IEnumerable<ActivityContext> queuedBy, int size)
    {
        if (!Source.HasListeners()) return null;
        var contexts = queuedBy.Where(c => c != default).Distinct().Take(MaxLinks).ToList();
        var activity = contexts.Count > 0
            ? Source.StartActivity(name, ActivityKind.Consumer, contexts[0], links: contexts.Select(c => new ActivityLink(c)))
            : Source.StartActivity(name, ActivityKind.Consumer);
        activity?.SetTag("inbound.batch.size", size);
        return activity;
    }
}
