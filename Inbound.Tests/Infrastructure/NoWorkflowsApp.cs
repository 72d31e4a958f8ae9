namespace Inbound.Tests.Infrastructure;

/// <summary>
/// An installation without the demo workflow: conversations stay exactly as ingestion and agents leave them,
/// for tests of those parts alone. Workflow tests use <see cref="InboundApp"/> with the seeded workflow.
/// </summary>
public sealed class NoWorkflowsApp : InboundApp
{
    public NoWorkflowsApp() => With("Seed:DemoWorkflow", "false");
}
