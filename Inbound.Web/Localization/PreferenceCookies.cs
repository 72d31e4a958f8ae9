using Microsoft.AspNetCore.Localization;

namespace Inbound.Web.Localization;

/// <summary>
/// A user's language and time zone travel as cookies, so that the request that starts a Blazor circuit (which fixes
/// its culture) already carries them. The language uses ASP.NET Core's standard culture cookie; the time zone comes
/// from the profile when one is chosen, else from the browser (a script in App.razor writes its zone).
/// </summary>
public static class PreferenceCookies
{
    public static readonly string Language = CookieRequestCultureProvider.DefaultCookieName;
    public const string TimeZone = ".Inbound.TimeZone";
    public const string BrowserTimeZone = ".Inbound.BrowserTimeZone";

    /// <summary>Writes the profile's choices; a choice left to the browser removes its cookie.</summary>
    public static void Write(HttpResponse response, string? language, string? timeZone)
    {
        var options = new CookieOptions { Path = "/", Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true };
        if (SupportedLanguages.IsSupported(language))
            response.Cookies.Append(Language, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language!)), options);
        else
            response.Cookies.Delete(Language, new CookieOptions { Path = "/" });
        if (UserTime.FindZone(timeZone) is not null)
            response.Cookies.Append(TimeZone, timeZone!, options);
        else
            response.Cookies.Delete(TimeZone, new CookieOptions { Path = "/" });
    }

    /// <summary>The zone this request's pages show times in: the profile's, the browser's, or the workspace's.</summary>
    public static string ZoneOf(HttpRequest request, string fallback) =>
        new[] { request.Cookies[TimeZone], request.Cookies[BrowserTimeZone] }.FirstOrDefault(z => UserTime.FindZone(z) is not null) ?? fallback;
}
