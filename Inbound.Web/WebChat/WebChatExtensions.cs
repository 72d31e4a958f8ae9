using Microsoft.Extensions.Options;

namespace Inbound.Web.WebChat;

public static class WebChatExtensions
{
    public const string PagePath = "/chat";

    public static IHostApplicationBuilder AddWebChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<WebChatVisitors>();
        builder.Services.AddSingleton<WebChatHours>();
        // The visitor page is framed by customers' sites; antiforgery's SAMEORIGIN header would block that,
        // so framing is decided per path below instead.
        builder.Services.AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true);
        return builder;
    }

    /// <summary>
    /// Only the visitor page may be framed by other sites (those of WebChat:AllowedOrigins, or any http(s) site when
    /// the list is empty); every other page only by this one.
    /// </summary>
    public static IApplicationBuilder UseWebChatFraming(this IApplicationBuilder app)
    {
        var origins = app.ApplicationServices.GetRequiredService<IOptions<WebChatOptions>>().Value.AllowedOrigins;
        var chatPolicy = origins.Count == 0 ? "frame-ancestors *" : $"frame-ancestors 'self' {string.Join(' ', origins)}";
        return app.Use((context, next) =>
        {
            var path = context.Request.Path;
            var policy = path.StartsWithSegments(PagePath) || path.StartsWithSegments("/_blazor") ? chatPolicy : "frame-ancestors 'self'";
            // Set as the response starts, replacing the 'self' that interactive server rendering adds to every page.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentSecurityPolicy = policy;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
