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
    public static readonly CommandResult NotFound = new(CommandOutcome.NotFound, "Conversation not found.");

    public bool Succeeded => Outcome == CommandOutcome.Done;

    public static CommandResult Done(Guid? id = null) => new(CommandOutcome.Done, null, id);
    public static CommandResult Forbidden(string error) => new(CommandOutcome.Forbidden, error);
    public static CommandResult Invalid(string error) => new(CommandOutcome.Invalid, error);
}
