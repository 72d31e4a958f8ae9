using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Accounts.Tokens;

/// <summary>
/// Signs a request in as the owner of a personal access token sent as <c>Authorization: Bearer …</c>, or, on hub
/// requests, as the <c>access_token</c> query value (browsers cannot set headers on a WebSocket).
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    UserManager<InboundUser> users,
    IUserClaimsPrincipalFactory<InboundUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public static string? FindToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        if (request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } query) return query;
        return null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (FindToken(Request) is not { } secret) return AuthenticateResult.NoResult();
        var userId = await tokens.FindUserIdAsync(secret, Context.RequestAborted);
        if (userId is null) return AuthenticateResult.Fail("Unknown or revoked token.");
        var user = await users.FindByIdAsync(userId);
        if (user is null || await users.IsLockedOutAsync(user)) return AuthenticateResult.Fail("The token's account is not active.");
        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
