using Inbound.Web.Inbox.Live;
using Microsoft.AspNetCore.SignalR;

namespace Inbound.Tests.Inbox.Live;

/// <summary>A hub with no clients: component tests drive the notifier's in-process half only.</summary>
internal sealed class NullHubContext : IHubContext<InboxHub>
{
    public IHubClients Clients { get; } = new NoClients();
    public IGroupManager Groups => throw new NotSupportedException();

    private sealed class NoClients : IHubClients, IClientProxy
    {
        public IClientProxy All => this;
        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => this;
        public IClientProxy Client(string connectionId) => this;
        public IClientProxy Clients(IReadOnlyList<string> connectionIds) => this;
        public IClientProxy Group(string groupName) => this;
        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => this;
        public IClientProxy Groups(IReadOnlyList<string> groupNames) => this;
        public IClientProxy User(string userId) => this;
        public IClientProxy Users(IReadOnlyList<string> userIds) => this;
        public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
