using Microsoft.AspNetCore.Diagnostics;
using Inbound.Web.Localization;
using MudBlazor.Services;

namespace Inbound.Web.Components;

public static class WebUiExtensions
{
    public static IHostApplicationBuilder AddWebUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddTransient<MudBlazor.MudLocalizer, MudTexts>();
        builder.AddUserLanguages();
        return builder;
    }

    // Addresses that programs call: their errors stay ProblemDetails JSON.
    private static readonly PathString[] MachinePaths = ["/api", "/hubs", "/openapi", "/_blazor", "/_framework", "/_content"];

    /// <summary>
    /// An unknown address a person opens in the browser (/contacts) answers with the app's not-found page, still as a
    /// 404; under api/ and the other machine paths the ProblemDetails of the <c>UseStatusCodePages</c> before it stay.
    /// </summary>
    public static IApplicationBuilder UseNotFoundPage(this IApplicationBuilder app)
    {
        // Re-executing needs the app's own builder (it routes /not-found again), so it is not put in a branch:
        // machine paths turn it off instead, and the ProblemDetails middleware outside it answers them.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        return app.Use((http, next) =>
        {
            if (MachinePaths.Any(p => http.Request.Path.StartsWithSegments(p)) && http.Features.Get<IStatusCodePagesFeature>() is { } pages)
                pages.Enabled = false;
            return next(http);
        });
    }

    public static IEndpointRouteBuilder MapWebUi(this IEndpointRouteBuilder app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
