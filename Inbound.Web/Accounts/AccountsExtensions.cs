using Inbound.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Inbound.Web.Accounts;

public static class AccountsExtensions
{
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddIdentityCore<InboundUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<InboundDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        return builder;
    }
}
