using System.Net;
using System.Text.RegularExpressions;

namespace Inbound.Tests.Infrastructure;

/// <summary>Signs in as a browser does: reads the form, then posts it with its antiforgery token.</summary>
public static partial class SignInForm
{
    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static (HttpClient Http, CookieContainer Cookies) Browser(Uri baseAddress)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        return (http, cookies);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string email, string password, string page = "account/login")
    {
        var form = await http.GetStringAsync(page);
        var token = AntiforgeryToken(form);
        // Where the browser posts: the form's action, or the page's own address when it has none.
        var action = FormAction().Match(form) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : page;
        return await http.PostAsync(action.TrimStart('/'), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static string AntiforgeryToken(string page) => AntiforgeryField().Match(page).Groups[1].Value;

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
