using System.Net;
using System.Text.RegularExpressions;
using Inbound.Web.Accounts.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Accounts;

public partial class SignInTests(InboundApp app) : IClassFixture<InboundApp>
{
    private (HttpClient Http, CookieContainer Cookies) Browser() => SignInForm.Browser(app.BaseAddress);

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient http, string email, string password, string page = "account/login") =>
        SignInForm.PostAsync(http, email, password, page);

    [Fact]
    public async Task Signing_in_with_the_form_sets_a_cookie_that_the_api_accepts()
    {
        var (http, _) = Browser();

        using var signIn = await PostLoginAsync(http, "ben@inbound.local", InboundApp.DemoPassword);
        using var me = await http.GetAsync("api/inbox/me");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.EndsWith("inbox", signIn.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("Ben Agent", await me.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/workflows", "workflows")]
    [InlineData("%2Fworkflows", "workflows")]
    [InlineData("workflows", "workflows")]
    [InlineData("%2Finbox%3Ffilter%3DQueue", "inbox?filter=Queue")]
    public async Task Signing_in_from_a_link_with_a_return_path_lands_on_that_page(string returnUrl, string lands)
    {
        var (http, _) = Browser();

        using var signIn = await PostLoginAsync(http, "admin@inbound.local", InboundApp.DemoPassword, $"account/login?ReturnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(new Uri(app.BaseAddress, lands), new Uri(app.BaseAddress, signIn.Headers.Location!));
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData(@"/\evil.example/phish")]
    [InlineData("\t//evil.example/phish")]
    [InlineData("/\t/evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_path_to_another_site_is_ignored_and_you_land_in_the_inbox(string returnUrl)
    {
        var (http, _) = Browser();

        using var signIn = await PostLoginAsync(http, "admin@inbound.local", InboundApp.DemoPassword, $"account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var target = new Uri(app.BaseAddress, signIn.Headers.Location!);
        Assert.Equal(app.BaseAddress.Authority, target.Authority);
        Assert.Equal(new Uri(app.BaseAddress, "inbox"), target);
    }

    [Fact]
    public async Task A_wrong_password_keeps_you_on_the_form_with_a_message()
    {
        var (http, _) = Browser();

        using var signIn = await PostLoginAsync(http, "ben@inbound.local", "not-the-password");
        using var me = await http.GetAsync("api/inbox/me");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("do not match", await signIn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var (http, _) = Browser();
        await PostLoginAsync(http, "ben@inbound.local", InboundApp.DemoPassword);
        // Antiforgery tokens belong to the signed-in user: take one from a page served after signing in.
        var page = await http.GetStringAsync("account/login");
        var token = SignInForm.AntiforgeryToken(page);

        using var signOut = await http.PostAsync("account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        using var me = await http.GetAsync("api/inbox/me");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Theory]
    [InlineData("inbox")]
    [InlineData("account/profile")]
    [InlineData("settings/users")]
    [InlineData("")]
    public async Task App_pages_send_anonymous_visitors_to_the_sign_in_page(string path)
    {
        var (http, _) = Browser();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_web_chat_page_is_public()
    {
        var (http, _) = Browser();

        using var response = await http.GetAsync("chat");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("frame-ancestors *", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("ana@inbound.local", HttpStatusCode.Redirect)]
    [InlineData("supervisor@inbound.local", HttpStatusCode.Redirect)]
    [InlineData("admin@inbound.local", HttpStatusCode.OK)]
    public async Task Only_admins_open_the_user_settings(string email, HttpStatusCode expected)
    {
        var (http, _) = Browser();
        await PostLoginAsync(http, email, InboundApp.DemoPassword);

        using var response = await http.GetAsync("settings/users");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect) Assert.Contains("/account/denied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_token_is_stored_only_as_a_hash_and_stops_working_once_revoked()
    {
        await using var carla = await InboxUser.SignInAsync(app, "carla@inbound.local");
        var tokens = app.Services.GetRequiredService<ApiTokenService>();
        var userId = await app.QueryAsync(db => db.Users.Where(u => u.Email == "carla@inbound.local").Select(u => u.Id).SingleAsync());
        var stored = await app.QueryAsync(db => db.Set<ApiToken>().Where(t => t.UserId == userId).ToListAsync());

        Assert.DoesNotContain(stored, t => t.Hash.Contains(carla.Token) || carla.Token.Contains(t.Hash));
        Assert.Equal(HttpStatusCode.OK, (await carla.Http().GetAsync("api/inbox/me")).StatusCode);

        var mine = Assert.Single(await tokens.ListAsync(userId), t => carla.Token.StartsWith(t.Prefix));
        Assert.False(await tokens.RevokeAsync("someone-else", mine.Id));
        Assert.True(await tokens.RevokeAsync(userId, mine.Id));

        Assert.Equal(HttpStatusCode.Unauthorized, (await carla.Http().GetAsync("api/inbox/me")).StatusCode);
    }
}
