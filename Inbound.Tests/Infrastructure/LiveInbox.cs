using System.Collections.Concurrent;
using Inbound.Web.Inbox.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inbound.Tests.Infrastructure;

/// <summary>A hub connection that records every inbox event, and lets a test await the one it expects.</summary>
public sealed class LiveInbox
{
    private readonly ConcurrentQueue<InboxEvent> _received = new();
    private readonly List<(Func<InboxEvent, bool> Match, TaskCompletionSource<InboxEvent> Done)> _waiters = [];
    private readonly Lock _gate = new();

    public LiveInbox(HubConnection connection)
    {
        Connection = connection;
        connection.On<InboxEvent>(InboxNotifier.ClientMethod, e =>
        {
            lock (_gate)
            {
                _received.Enqueue(e);
                foreach (var w in _waiters.Where(w => w.Match(e)).ToList())
                {
                    w.Done.TrySetResult(e);
                    _waiters.Remove(w);
                }
            }
        });
    }

    public HubConnection Connection { get; }

    public IReadOnlyCollection<InboxEvent> Received => _received.ToArray();

    public Task<InboxEvent> WaitForAsync(Func<InboxEvent, bool> match, TimeSpan? timeout = null)
    {
        lock (_gate)
        {
            if (_received.FirstOrDefault(match) is { } already) return Task.FromResult(already);
            var done = new TaskCompletionSource<InboxEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        }
    }
}
