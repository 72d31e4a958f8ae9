using System.Net;
using Inbound.Web.Contacts.Blocking;
using Inbound.Web.WebChat.Abuse;
using Inbound.Web.WebChat.Identity;
using Microsoft.AspNetCore.HttpOverrides;

namespace Inbound.Web.WebChat;

public static class WebChatExtensions
{
    public const string PagePath = "/chat";

    public static IHostApplicationBuilder AddWebChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<WebChatLimitsOptions>().BindConfiguration(WebChatLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<WebChatVisitors>();
        builder.Services.AddSingleton<WebChatHours>();
        builder.Services.AddSingleton<WebChatOrigins>();
        builder.Services.AddSingleton<WebChatLimits>();
        builder.Services.AddSingleton<CircuitLimit>();
        builder.Services.AddSingleton<VisitorVerification>();
        builder.Services.AddSingleton<BlockList>();
        // The visitor page is framed by customers' sites; antiforgery's SAMEORIGIN header would block that,
        // so framing is decided per path below instead.
        builder.Services.AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true);
        // The per-address limits and blocks need the client's address: behind a reverse proxy it is in
        // X-Forwarded-For, but only a configured proxy is believed (the defaults trust loopback; a visitor could
        // otherwise name any address they like and escape their limit).
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<WebChatLimitsOptions>>((forwarded, limits) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in limits.Value.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return builder;
    }

    /// <summary>
    /// Only the visitor page may be framed by other sites (the web chat's allowed origins, or any http(s) site when
    /// there are none); every other page only by this one.
    /// </summary>
    public static IApplicationBuilder UseWebChatFraming(this IApplicationBuilder app)
    {
        var origins = app.ApplicationServices.GetRequiredService<WebChatOrigins>();
        return app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            var policy = "frame-ancestors 'self'";
            if (path.StartsWithSegments(PagePath) || path.StartsWithSegments("/_blazor"))
            {
                var allowed = await origins.AllowedAsync(context.RequestAborted);
                policy = allowed.Count == 0 ? "frame-ancestors *" : $"frame-ancestors 'self' {string.Join(' ', allowed)}";
            }
            // Set as the response starts, replacing the 'self' that interactive server rendering adds to every page.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentSecurityPolicy = policy;
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    /// <summary>Caps the live connections one anonymous client address holds open; after authentication (agents are not counted).</summary>
    public static IApplicationBuilder UseWebChatCircuitLimit(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<CircuitLimit>();
        return app.Use((context, next) => limit.InvokeAsync(context, () => next(context)));
    }
}
