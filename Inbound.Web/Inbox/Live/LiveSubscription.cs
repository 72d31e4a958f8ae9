using System.Threading.Channels;

namespace Inbound.Web.Inbox.Live;

/// <summary>
/// One page's (or component's) subscription to the live path: a bounded buffer and a loop that hands it what arrived
/// as one <see cref="LiveBatch"/>, then waits <see cref="LiveUpdateOptions.Interval"/> before the next one. A page
/// that receives a thousand events a second therefore handles and renders a few batches, and a page that cannot keep
/// up (a busy circuit, a slow browser) fills only its own buffer: the publisher never waits for it.
/// </summary>
internal sealed class LiveSubscription : IDisposable
{
    private readonly Channel<InboxEvent> _events;
    private readonly Func<LiveBatch, Task> _onBatch;
    private readonly LiveUpdateOptions _options;
    private readonly ILogger _logger;
    private readonly Action<LiveSubscription> _onDispose;
    private readonly CancellationTokenSource _stopping = new();
    private int _overflowed;

    public LiveSubscription(IReadOnlySet<string> groups, Func<LiveBatch, Task> onBatch, LiveUpdateOptions options, ILogger logger,
        Action<LiveSubscription> onDispose)
    {
        Groups = groups;
        _onBatch = onBatch;
        _options = options;
        _logger = logger;
        _onDispose = onDispose;
        _events = Channel.CreateBounded<InboxEvent>(new BoundedChannelOptions(options.BufferCapacity)
        {
            SingleReader = true,
            // Wait, not DropWrite: only in this mode does TryWrite say that the buffer was full.
            FullMode = BoundedChannelFullMode.Wait,
        });
        _ = PumpAsync();
    }

    public IReadOnlySet<string> Groups { get; }

    public void Offer(InboxEvent inboxEvent)
    {
        if (!_events.Writer.TryWrite(inboxEvent)) Volatile.Write(ref _overflowed, 1);
    }

    private async Task PumpAsync()
    {
        var reader = _events.Reader;
        var token = _stopping.Token;
        try
        {
            while (await reader.WaitToReadAsync(token))
            {
                var batch = new List<InboxEvent>(Math.Min(reader.Count, _options.BufferCapacity));
                while (batch.Count < _options.BufferCapacity && reader.TryRead(out var e)) batch.Add(e);
                var overflowed = Interlocked.Exchange(ref _overflowed, 0) == 1;
                try
                {
                    await _onBatch(new LiveBatch(batch, overflowed));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogWarning(ex, "A live page failed on a batch of {Count} events", batch.Count);
                }
                // What arrives meanwhile waits for the next batch: this is what bounds a page's renders per second. Real
                // time, not the app's TimeProvider: it paces rendering, and a clock a test holds still must not stop pages.
                await Task.Delay(_options.Interval, token);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed with its page.
        }
    }

    public void Dispose()
    {
        _onDispose(this);
        _events.Writer.TryComplete();
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
