using System.Security.Claims;
using Inbound.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Inbound.Web.Accounts;

internal static class AccountsApi
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        // A form post, as sign-out must change the cookie on a real HTTP response (not over the Blazor circuit).
        // Binding a form value is what makes the endpoint check the form's antiforgery token.
        app.MapPost("account/logout", async ([FromForm(Name = "__RequestVerificationToken")] string? _, SignInManager<InboundUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("~/account/login");
            })
            .WithName("SignOut")
            .WithSummary("Sign out of the web app.")
            .WithTags("Accounts")
            .ExcludeFromDescription();
        // The profile saves a new language or zone over the circuit, then reloads through here: only a real HTTP
        // response can write the cookies that the next page's circuit takes its culture and zone from.
        app.MapGet("account/preferences/apply", async (string? returnUrl, HttpContext http, UserPreferences preferences) =>
            {
                var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
                if (userId is null) return Results.Unauthorized();
                var preference = await preferences.GetAsync(userId, http.RequestAborted);
                PreferenceCookies.Write(http.Response, preference.Language, preference.TimeZone);
                return Results.LocalRedirect("~/" + LocalReturnUrl.Resolve(returnUrl));
            })
            .RequireAuthorization(Policies.Agent)
            .WithName("ApplyPreferences")
            .WithSummary("Write the signed-in user's language and time zone cookies, then go back to the page.")
            .WithTags("Accounts")
            .ExcludeFromDescription();
        return app;
    }
}
