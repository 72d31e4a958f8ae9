using System.Net;
using Inbound.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Localization;

/// <summary>Which language a page speaks: the browser's Accept-Language by default, the profile's choice once made.</summary>
public class LanguageChoiceTests(InboundApp app) : IClassFixture<InboundApp>
{
    private static HttpRequestMessage Get(string path, string acceptLanguage) =>
        new(HttpMethod.Get, path) { Headers = { { "Accept-Language", acceptLanguage } } };

    [Fact]
    public async Task A_browser_that_prefers_Thai_gets_the_sign_in_page_in_Thai_with_lang_th()
    {
        var (http, _) = SignInForm.Browser(app.BaseAddress);

        using var response = await http.SendAsync(Get("account/login", "th-TH,th;q=0.9,en;q=0.8"));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("<html lang=\"th\">", page);
        Assert.Contains("เข้าสู่ระบบ", page);
        Assert.DoesNotContain("Keep me signed in", page);
    }

    [Fact]
    public async Task A_browser_that_prefers_English_or_an_unknown_language_gets_English()
    {
        var (http, _) = SignInForm.Browser(app.BaseAddress);

        var english = await (await http.SendAsync(Get("account/login", "en-GB,en;q=0.9"))).Content.ReadAsStringAsync();
        var german = await (await http.SendAsync(Get("account/login", "de-DE"))).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Keep me signed in", english);
        Assert.Contains("<html lang=\"en\">", german);
    }

    [Fact]
    public async Task The_language_on_the_profile_wins_over_the_browser_from_sign_in_on()
    {
        await SetLanguageAsync("ben@inbound.local", "th", "Asia/Bangkok");
        var (http, cookies) = SignInForm.Browser(app.BaseAddress);
        http.DefaultRequestHeaders.Add("Accept-Language", "en-US,en;q=0.9");

        using var signIn = await SignInForm.PostAsync(http, "ben@inbound.local", InboundApp.DemoPassword);
        var inbox = WebUtility.HtmlDecode(await http.GetStringAsync("inbox"));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("c=th|uic=th", Uri.UnescapeDataString(cookies.GetCookies(app.BaseAddress)[".AspNetCore.Culture"]?.Value ?? ""));
        Assert.Equal("Asia/Bangkok", Uri.UnescapeDataString(cookies.GetCookies(app.BaseAddress)[".Inbound.TimeZone"]?.Value ?? ""));
        Assert.Contains("<html lang=\"th\">", inbox);
        Assert.Contains("กล่องข้อความ", inbox);
    }

    [Fact]
    public async Task Changing_the_language_on_the_profile_rewrites_the_cookie_and_returns_to_the_profile()
    {
        await SetLanguageAsync("carla@inbound.local", "th", null);
        var (http, cookies) = SignInForm.Browser(app.BaseAddress);
        http.DefaultRequestHeaders.Add("Accept-Language", "th");
        await SignInForm.PostAsync(http, "carla@inbound.local", InboundApp.DemoPassword);

        // Back to "the browser's language": the cookie goes and Accept-Language speaks again.
        await SetLanguageAsync("carla@inbound.local", null, null);
        using var apply = await http.GetAsync("account/preferences/apply?returnUrl=account/profile");
        var profile = await http.GetStringAsync("account/profile");

        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        Assert.EndsWith("/account/profile", apply.Headers.Location!.ToString());
        Assert.Null(cookies.GetCookies(app.BaseAddress)[".AspNetCore.Culture"]);
        Assert.Contains("<html lang=\"th\">", profile);

        await SetLanguageAsync("carla@inbound.local", "en", null);
        await http.GetAsync("account/preferences/apply?returnUrl=account/profile");
        Assert.Contains("<html lang=\"en\">", await http.GetStringAsync("account/profile"));
    }

    private async Task SetLanguageAsync(string email, string? language, string? timeZone)
    {
        var userId = await app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<UserPreferences>().SaveAsync(userId, new UserPreference(language, timeZone));
    }
}
