using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inbound.Web.Data;

/// <summary>
/// Lets one SaveChanges of this node write at a time. SQLite has one writer: without the gate, a writer that finds
/// the lock taken is put to sleep by SQLite's busy handler in steps of up to 100 ms, which is most of the tail
/// latency when ingestion and the workflow engine write at once; in the gate it waits exactly as long as the write
/// before it. Writes inside an explicit transaction pass by (they may hold the lock across several saves) unless
/// their owner holds the gate for the whole transaction with <see cref="HoldAsync"/>; other nodes still meet the
/// busy timeout.
/// </summary>
public sealed class SqliteWriteGate : SaveChangesInterceptor
{
    // A save that went unseen by the release hooks must not stop every writer: past this wait a writer goes on
    // without the gate and meets SQLite's own busy timeout, as it would without it.
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);

    // The interceptor's calls for one SaveChanges share only the context.
    private readonly ConcurrentDictionary<DbContext, bool> _holders = new();

    /// <summary>True on PostgreSQL, whose writers don't queue for one lock: holding the gate then waits for nothing.</summary>
    public bool PassesEveryone { get; init; }

    /// <summary>
    /// Takes the gate for a whole explicit transaction, so that a write of several statements queues behind this
    /// node's other writers instead of meeting SQLite's busy handler. Disposing the result lets the next writer in.
    /// </summary>
    public async Task<IAsyncDisposable> HoldAsync(CancellationToken cancellationToken)
    {
        if (PassesEveryone) return new Hold(null);
        var entered = await _gate.WaitAsync(MaxWait, cancellationToken);
        return new Hold(entered ? _gate : null);
    }

    private sealed class Hold(SemaphoreSlim? gate) : IAsyncDisposable
    {
        private SemaphoreSlim? _gate = gate;

        public ValueTask DisposeAsync()
        {
            Interlocked.Exchange(ref _gate, null)?.Release();
            return ValueTask.CompletedTask;
        }
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (ShouldEnter(eventData.Context) is { } context && await _gate.WaitAsync(MaxWait, cancellationToken))
            _holders[context] = true;
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (ShouldEnter(eventData.Context) is { } context && _gate.Wait(MaxWait))
            _holders[context] = true;
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Leave(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Leave(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Leave(eventData.Context);

    // A concurrency conflict ends the save through these hooks, not through SaveChangesFailed.
    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Leave(eventData.Context);
        return result;
    }

    private DbContext? ShouldEnter(DbContext? context) =>
        context is not null && context.Database.CurrentTransaction is null && !_holders.ContainsKey(context) ? context : null;

    private void Leave(DbContext? context)
    {
        if (context is not null && _holders.TryRemove(context, out _)) _gate.Release();
    }
}
