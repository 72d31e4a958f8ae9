using Inbound.Domain.Channels;

namespace Inbound.Web.Channels.WhatsApp;

/// <summary>The approved template an agent chose in the composer and the values for its <c>{{n}}</c> parameters, in order.</summary>
public sealed record TemplateChoice(MessageTemplate Template, IReadOnlyList<string> Values);
