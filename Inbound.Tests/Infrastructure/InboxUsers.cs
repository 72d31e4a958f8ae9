using System.Net.Http.Headers;
using Inbound.Web.Accounts;
using Inbound.Web.Accounts.Tokens;
using Inbound.Web.Inbox;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Infrastructure;

/// <summary>A demo account as a script would use it: a personal access token for the REST API and the hub.</summary>
public sealed class InboxUser(InboundApp app, string email, string token, Guid agentId) : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];

    public string Email { get; } = email;
    public string Token { get; } = token;
    public Guid AgentId { get; } = agentId;

    public HttpClient Http()
    {
        var http = app.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return http;
    }

    /// <summary>A started hub connection over WebSockets, with the token sent as browsers do (access_token).</summary>
    public async Task<LiveInbox> ConnectAsync()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, InboxExtensions.HubPath.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(Token);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        var live = new LiveInbox(connection);
        await connection.StartAsync();
        _connections.Add(connection);
        return live;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _connections) await c.DisposeAsync();
    }

    public static async Task<InboxUser> SignInAsync(InboundApp app, string email)
    {
        var (user, token) = await TokenForAsync(app, email);
        return new InboxUser(app, email, token, user.AgentId!.Value);
    }

    /// <summary>A personal access token for any demo account, an admin without an agent profile included.</summary>
    public static async Task<(InboundUser User, string Token)> TokenForAsync(InboundApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<InboundUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No demo account {email}");
        var created = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, "tests");
        return (user, created.Secret);
    }
}
