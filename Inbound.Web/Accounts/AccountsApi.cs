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
        return app;
    }
}
