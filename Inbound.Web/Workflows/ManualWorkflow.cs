namespace Inbound.Web.Workflows;

/// <summary>A published workflow with a manual trigger: one an agent can start on a conversation from the inbox.</summary>
public sealed record ManualWorkflow(Guid Id, string Name);
