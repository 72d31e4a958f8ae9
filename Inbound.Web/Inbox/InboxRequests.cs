using Inbound.Domain.Agents;

namespace Inbound.Web.Inbox;

public sealed record MessageRequest(string? Text);

public sealed record CloseRequest(string? Category, string? Summary);

/// <param name="OverCapacity">A supervisor's knowing choice to give an agent more than their capacity.</param>
public sealed record ReassignRequest(Guid? AgentId, Guid? TeamId, bool OverCapacity = false);

public sealed record StartWorkflowRequest(Guid? WorkflowId);

public sealed record AvailabilityRequest(AgentAvailability Availability);

public sealed record CreatedResponse(Guid Id);

public sealed record MeResponse(Guid AgentId, string Name, string Role, AgentAvailability Availability, IReadOnlyCollection<Guid> TeamIds);
