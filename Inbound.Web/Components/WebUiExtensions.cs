using MudBlazor.Services;

namespace Inbound.Web.Components;

public static class WebUiExtensions
{
    public static IHostApplicationBuilder AddWebUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        return builder;
    }

    // Addresses that programs call: their errors stay ProblemDetails JSON.
    private static readonly PathString[] MachinePaths = ["/api", "/hubs", "/openapi", "/_blazor", "/_framework", "/_content"];

    /// <summary>
    /// An unknown address a person opens in the browser (/contacts) answers with the app's not-found page, still as a
    /// 404; under api/ and the other machine paths the ProblemDetails of <c>UseStatusCodePages</c> stay.
    /// </summary>
    public static IApplicationBuilder UseNotFoundPage(this IApplicationBuilder app) =>
        app.UseWhen(http => !MachinePaths.Any(p => http.Request.Path.StartsWithSegments(p)),
            page => page.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));

    public static IEndpointRouteBuilder MapWebUi(this IEndpointRouteBuilder app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
