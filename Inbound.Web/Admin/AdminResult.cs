using Inbound.Domain.SeedWork;
using Inbound.Domain.Texts;

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
/// <remarks>
/// Error is English, for the API; a page says <see cref="AdminError"/> in its reader's language (AdminErrors.resx), as
/// the workflow issues do. An error without a code (a message from Identity or the domain) is shown as it is.
/// </remarks>
public sealed record AdminResult<T>(AdminOutcome Outcome, T? Value = default, string? Field = null, string? Error = null)
{
    public bool Succeeded => Outcome == AdminOutcome.Done;

    /// <summary>Names the error for a translation; null when there is only the English Error.</summary>
    public AdminError? Code { get; init; }

    /// <summary>The values the error is filled with, in the order of its {0}, {1} placeholders.</summary>
    public IReadOnlyList<object> Args { get; init; } = [];

    /// <summary>A rule of the domain that was broken, said as a phrase; null when the error has a code or only English.</summary>
    public Phrase? Said { get; init; }

    public static implicit operator AdminResult<T>(AdminFailure failure) =>
        new(failure.Outcome, default, failure.Field, failure.Error) { Code = failure.Code, Args = failure.Args, Said = failure.Said };
}

/// <summary>A failed <see cref="AdminResult{T}"/> of any type: <c>return Admin.Invalid("name", AdminError.NameMissing, "…");</c>.</summary>
public sealed record AdminFailure(AdminOutcome Outcome, string? Field, string Error)
{
    public AdminError? Code { get; init; }
    public IReadOnlyList<object> Args { get; init; } = [];
    public Phrase? Said { get; init; }
}

public static class AdminResults
{
    public static AdminResult<T> Done<T>(T value) => new(AdminOutcome.Done, value);
    public static AdminFailure NotFound(string what) => new(AdminOutcome.NotFound, null, $"No such {what}.");
    public static AdminFailure Invalid(string field, string error) => new(AdminOutcome.Invalid, field, error);
    public static AdminFailure Refused(string error) => new(AdminOutcome.Refused, null, error);

    /// <summary>An invalid value the domain refused with a phrase (a page says it in its reader's language); else its English.</summary>
    public static AdminFailure Invalid(string field, Phrase said) => new(AdminOutcome.Invalid, field, said.English) { Said = said };

    public static AdminFailure Invalid(string field, DomainException refused) =>
        refused.Said is { } said ? Invalid(field, said) : Invalid(field, refused.Message);

    /// <summary>An invalid value, with a code a page translates and the English the API sends.</summary>
    public static AdminFailure Invalid(string field, AdminError code, string englishFormat, params object[] args) =>
        new(AdminOutcome.Invalid, field, Format(englishFormat, args)) { Code = code, Args = args };

    public static AdminFailure Refused(AdminError code, string englishFormat, params object[] args) =>
        new(AdminOutcome.Refused, null, Format(englishFormat, args)) { Code = code, Args = args };

    private static string Format(string format, object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
}
