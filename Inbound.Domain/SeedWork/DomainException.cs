namespace Inbound.Domain.SeedWork;

/// <summary>A business rule was broken; the message is meant for the person who tried.</summary>
public class DomainException(string message) : Exception(message)
{
    /// <summary>A broken rule a screen says in its reader's language; <see cref="Exception.Message"/> keeps the English.</summary>
    public DomainException(Phrase said) : this(said.English) => Said = said;

    /// <summary>The message as a phrase, when the rule has one; else only the English message.</summary>
    public Phrase? Said { get; }
}
