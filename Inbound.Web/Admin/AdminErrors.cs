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
}
