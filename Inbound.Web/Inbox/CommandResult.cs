using Inbound.Domain.Texts;
using Inbound.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Inbound.Web.Inbox;

public enum CommandOutcome
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
}

/// <summary>What an inbox action came to; the API maps it to a status and ProblemDetails, the UI to a message.</summary>
public sealed record CommandResult(CommandOutcome Outcome, string? Error = null, Guid? Id = null)
{
    public static readonly CommandResult NotFound = Refused(CommandOutcome.NotFound, Phrase.Of(PhraseCode.CommandNotFound, "Conversation not found."));

    /// <summary>The error as a phrase, which a screen says in its reader's language; <see cref="Error"/> keeps the English for the API.</summary>
    public Phrase? Said { get; init; }

    public bool Succeeded => Outcome == CommandOutcome.Done;

    public static CommandResult Done(Guid? id = null) => new(CommandOutcome.Done, null, id);
    public static CommandResult Forbidden(Phrase said) => Refused(CommandOutcome.Forbidden, said);
    public static CommandResult Invalid(Phrase said) => Refused(CommandOutcome.Invalid, said);

    /// <summary>A refusal only a script can meet (a request the screens never make), in English.</summary>
    public static CommandResult Invalid(string error) => new(CommandOutcome.Invalid, error);

    public static CommandResult Refused(CommandOutcome outcome, Phrase said) => new(outcome, said.English) { Said = said };
}

public static class CommandResultTexts
{
    /// <summary>Why an action was refused, in the reader's language; <paramref name="otherwise"/> when it gave no reason.</summary>
    public static string Why(this IStringLocalizer<Phrases> phrases, CommandResult result, string otherwise) =>
        result.Error is null ? otherwise : phrases.Say(result.Said, result.Error);
}
