using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Inbound.Web.Diagnostics;

/// <summary>
/// Where a message's time goes between the webhook and the agent's screen, stage by stage, as histograms of the
/// "Inbound" meter (read them with dotnet-counters, OpenTelemetry or a <see cref="MeterListener"/>). Each stage is a
/// queue or a database step: a latency that grows shows here which one to look at. Recording costs nothing while no
/// listener is attached.
/// </summary>
public static class InboundMetrics
{
    public const string MeterName = "Inbound";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>A message waits in the ingestion queue until the writer takes the batch it is in.</summary>
    public static readonly Histogram<double> IngestionQueueWait = Duration("inbound.ingestion.queue_wait", "From a message queued to its batch started");

    public static readonly Histogram<int> IngestionBatchSize = Meter.CreateHistogram<int>("inbound.ingestion.batch_size", "{message}", "Messages written in one transaction");

    public static readonly Histogram<double> IngestionRead = Duration("inbound.ingestion.read", "A batch's reads: duplicates, contacts, open conversations");

    public static readonly Histogram<double> IngestionGateWait = Duration("inbound.ingestion.gate_wait", "A batch waiting for this node's other writers");

    public static readonly Histogram<double> IngestionTransaction = Duration("inbound.ingestion.transaction", "A batch's write transaction, commit included");

    /// <summary>From the commit until the request that sent the message runs again: thread pool scheduling.</summary>
    public static readonly Histogram<double> IngestionResume = Duration("inbound.ingestion.resume", "From a batch committed to its senders resumed");

    public static readonly Histogram<double> EngineQueueWait = Duration("inbound.engine.queue_wait", "From engine work queued to its batch started");

    public static readonly Histogram<int> EngineBatchSize = Meter.CreateHistogram<int>("inbound.engine.batch_size", "{item}", "Engine work items handled in one batch");

    public static readonly Histogram<double> EngineRead = Duration("inbound.engine.read", "An engine batch's reads: conversations, runs, agents, queues");

    public static readonly Histogram<double> EngineSave = Duration("inbound.engine.save", "An engine batch's save, waiting for other writers included");

    public static readonly Histogram<double> FanoutQueueWait = Duration("inbound.inbox.fanout_wait", "From a committed change to its fan-out started");

    public static readonly Histogram<double> Fanout = Duration("inbound.inbox.fanout", "A fan-out batch: audience query and hub sends");

    /// <summary>Calls to the AI service by operation (chat, embeddings) and outcome (ok, timeout, error, rate_limited).</summary>
    public static readonly Counter<long> AiCalls = Meter.CreateCounter<long>("inbound.ai.calls", "{call}", "Calls to the AI service");

    public static readonly Histogram<double> AiCallDuration = Duration("inbound.ai.duration", "A call to the AI service, from request to answer");

    public static readonly Counter<long> AiTokens = Meter.CreateCounter<long>("inbound.ai.tokens", "{token}", "Tokens the AI service counted, by direction (input, output)");

    /// <summary>Milliseconds from a <see cref="Stopwatch.GetTimestamp"/> value to now.</summary>
    public static double Since(long timestamp) => Stopwatch.GetElapsedTime(timestamp).TotalMilliseconds;

    private static Histogram<double> Duration(string name, string description) => Meter.CreateHistogram<double>(name, "ms", description);
}
