namespace Inbound.Domain.SeedWork;

/// <summary>A business rule was broken; the message is meant for the person who tried.</summary>
public class DomainException(string message) : Exception(message);
