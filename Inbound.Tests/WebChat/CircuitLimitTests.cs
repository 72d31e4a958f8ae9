using System.Net;
using System.Security.Claims;
using Inbound.Web.WebChat.Abuse;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Inbound.Tests.WebChat;

/// <summary>Open circuits per client address, and which proxies may say who the client is.</summary>
public class CircuitLimitTests
{
    private static DefaultHttpContext Connection(string address, string path = "/_blazor", bool signedIn = false)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (signedIn) context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ana")], "Cookies"));
        return context;
    }

    [Fact]
    public async Task An_address_holding_its_limit_of_open_circuits_is_refused_another_until_one_closes()
    {
        using var limit = new CircuitLimit(Options.Create(new WebChatLimitsOptions { CircuitsPerAddress = 2 }));
        var open = new TaskCompletionSource();
        // Two circuits that stay open, as a WebSocket request does for the circuit's life.
        var first = limit.InvokeAsync(Connection("203.0.113.8"), () => open.Task);
        var second = limit.InvokeAsync(Connection("203.0.113.8"), () => open.Task);

        var third = Connection("203.0.113.8");
        await limit.InvokeAsync(third, () => Task.CompletedTask);
        var otherAddress = Connection("203.0.113.9");
        await limit.InvokeAsync(otherAddress, () => Task.CompletedTask);
        var agent = Connection("203.0.113.8", signedIn: true);
        await limit.InvokeAsync(agent, () => Task.CompletedTask);
        var page = Connection("203.0.113.8", "/chat");
        await limit.InvokeAsync(page, () => Task.CompletedTask);

        Assert.Equal(429, third.Response.StatusCode);
        Assert.Equal(200, otherAddress.Response.StatusCode);
        Assert.Equal(200, agent.Response.StatusCode);
        Assert.Equal(200, page.Response.StatusCode);

        open.SetResult();
        await Task.WhenAll(first, second);
        var afterClose = Connection("203.0.113.8");
        await limit.InvokeAsync(afterClose, () => Task.CompletedTask);
        Assert.Equal(200, afterClose.Response.StatusCode);
    }

    [Fact]
    public async Task A_forwarded_address_is_believed_only_from_a_configured_proxy()
    {
        var app = new InboundApp().With("WebChat:Limits:KnownProxies:0", "10.0.0.5");
        await app.InitializeAsync();
        try
        {
            var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>();
            var seen = new List<string?>();
            var middleware = new ForwardedHeadersMiddleware(c => { seen.Add(c.Connection.RemoteIpAddress?.ToString()); return Task.CompletedTask; },
                app.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(), forwarded);

            foreach (var from in new[] { "10.0.0.5", "127.0.0.1", "203.0.113.10" })
            {
                var context = Connection(from, "/chat");
                context.Request.Headers["X-Forwarded-For"] = "192.0.2.200";
                await middleware.Invoke(context);
            }

            // The configured proxy speaks for its client; loopback and anyone else speak only for themselves.
            Assert.Equal(["192.0.2.200", "127.0.0.1", "203.0.113.10"], seen);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
