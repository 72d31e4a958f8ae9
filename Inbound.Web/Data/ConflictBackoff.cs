namespace Inbound.Web.Data;

/// <summary>
/// The pause before a save that conflicted with another writer (another node, another worker) is made again on fresh
/// state. Random, so two writers stop colliding in step, and longer each attempt. Real time, not the app's clock: a
/// test's fake clock must not hold a retry still.
/// </summary>
public static class ConflictBackoff
{
    public static Task WaitAsync(int attempt, CancellationToken cancellationToken = default) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), cancellationToken);
}
