using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Inbound.Web.Accounts;

namespace Inbound.Web.Inbox.Presence;

/// <summary>An open browser tab of a signed-in agent counts as a connection: its circuit's link to the browser.</summary>
internal sealed class PresenceCircuitHandler(AgentPresence presence, AuthenticationStateProvider authentication) : CircuitHandler
{
    private Guid? _agentId;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_agentId is not null) return;
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.GetAgentId() is not { } agentId) return;
        _agentId = agentId;
        presence.Connected(agentId);
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_agentId is { } agentId)
        {
            _agentId = null;
            presence.Disconnected(agentId);
        }
        return Task.CompletedTask;
    }
}
