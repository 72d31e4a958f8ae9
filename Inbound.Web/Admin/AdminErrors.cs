using Inbound.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Inbound.Web.Admin;

/// <summary>The texts of <see cref="AdminError"/> (AdminErrors.resx). Inject <c>IStringLocalizer&lt;AdminErrors&gt;</c> and call <see cref="AdminErrorLocalizer.Say{T}"/>.</summary>
public sealed class AdminErrors
{
    private AdminErrors() { }
}

public static class AdminErrorLocalizer
{
    /// <summary>What went wrong in the reader's language; an error without a code keeps its message (Identity's, the domain's).</summary>
    public static string? Say<T>(this IStringLocalizer<AdminErrors> l, AdminResult<T> result) =>
        result.Code is { } code && l[code.ToString()] is { ResourceNotFound: false } ? l[code.ToString(), [.. result.Args]] : result.Error;

    /// <summary>As <see cref="Say{T}(IStringLocalizer{AdminErrors}, AdminResult{T})"/>, and a rule the domain said as a phrase in the reader's language too.</summary>
    public static string? Say<T>(this IStringLocalizer<AdminErrors> l, AdminResult<T> result, IStringLocalizer<Phrases> phrases) =>
        result.Said is { } said ? phrases.Say(said) : l.Say(result);
}
