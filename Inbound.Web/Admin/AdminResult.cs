namespace Inbound.Web.Admin;

public enum AdminOutcome
{
    Done,
    NotFound,
    Invalid,

    /// <summary>Valid, but the workspace's state refuses it now (a team with open conversations, a merge of two open ones).</summary>
    Refused,
}

/// <summary>What an admin action came to; the API turns it into a status and ProblemDetails, pages into a message.</summary>
public sealed record AdminResult<T>(AdminOutcome Outcome, T? Value = default, string? Field = null, string? Error = null)
{
    public bool Succeeded => Outcome == AdminOutcome.Done;

    public static implicit operator AdminResult<T>(AdminFailure failure) => new(failure.Outcome, default, failure.Field, failure.Error);
}

/// <summary>A failed <see cref="AdminResult{T}"/> of any type: <c>return Admin.Invalid("name", "…");</c>.</summary>
public sealed record AdminFailure(AdminOutcome Outcome, string? Field, string Error);

public static class AdminResults
{
    public static AdminResult<T> Done<T>(T value) => new(AdminOutcome.Done, value);
    public static AdminFailure NotFound(string what) => new(AdminOutcome.NotFound, null, $"No such {what}.");
    public static AdminFailure Invalid(string field, string error) => new(AdminOutcome.Invalid, field, error);
    public static AdminFailure Refused(string error) => new(AdminOutcome.Refused, null, error);
}
