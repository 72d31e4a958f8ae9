namespace Inbound.Domain.Conversations;

/// <summary>
/// The approved template a reply was sent as: the channel sends its name, language and the agent's values, and the
/// message's body keeps the rendered text the contact reads.
/// </summary>
public sealed record SentTemplate(string Name, string Language, IReadOnlyList<string> Parameters);
