using System.ComponentModel.DataAnnotations;

namespace Inbound.Web.Workflows.Engine;

public sealed class WorkflowEngineOptions
{
    public const string Section = "Workflows";

    /// <summary>Engine work items handled in one transaction; larger batches mean fewer writes under load.</summary>
    [Range(1, 5000)]
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>
    /// How far back the engine looks at start for open conversations whose runs never started (the app stopped between
    /// storing the message and handling the event); bounds the query on a large history.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MissedStartWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How often each node looks for engine work no node is handling (a crashed node's timers, queues and unheard
    /// events), and how long an item must have been pending to count: the node that owns it goes first.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What {{contact.name}} says for a contact who gave no name, e.g. "Hi there!" for an anonymous visitor.</summary>
    [Required] public string ContactNameFallback { get; set; } = "there";
}
