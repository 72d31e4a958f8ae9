namespace Inbound.Web.Workflows.Simulator;

/// <summary>Whom the simulator plays: an existing contact (copied, never changed) or one typed in, and their first message.</summary>
/// <param name="ContactId">An existing contact to copy name, fields and tags from; null for the typed ones.</param>
/// <param name="Fields">Contact fields typed in ("Plan" → "Gold"), over the copied ones.</param>
public sealed record SimulationSample(
    string FirstMessage,
    Guid? ContactId = null,
    string? Name = null,
    IReadOnlyDictionary<string, string>? Fields = null,
    IReadOnlyList<string>? Tags = null,
    string? ChannelKey = null);

/// <summary>A contact offered as a sample in the simulator.</summary>
public sealed record SampleContact(Guid Id, string Name);
