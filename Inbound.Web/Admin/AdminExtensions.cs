using System.Security.Claims;
using Inbound.Web.Admin.Api;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Admin.People;
using Inbound.Web.Admin.Teams;
using Inbound.Web.Contacts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Inbound.Web.Admin;

public static class AdminExtensions
{
    public static IHostApplicationBuilder AddAdministration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SignedOutUsers>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<IAuditLog>(s => s.GetRequiredService<AuditLog>());
        builder.Services.AddScoped<PeopleAdministration>();
        builder.Services.AddSingleton<TeamAdministration>();
        builder.Services.AddSingleton<ContactDirectory>();
        builder.Services.AddSingleton<ContactCommands>();
        builder.Services.AddSingleton<ContactFields>();
        builder.Services.AddSingleton<Replies.ReplyLibrary>();

        // A cookie of a session an admin ended is refused on its next request, before Identity's periodic
        // security-stamp check would notice.
        builder.Services.ConfigureApplicationCookie(o =>
        {
            var validate = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                var signedOut = context.HttpContext.RequestServices.GetRequiredService<SignedOutUsers>();
                if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && signedOut.HasEnded(userId, context.Properties.IssuedUtc))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await validate(context);
            };
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder app) => app.MapAdminApi();
}
