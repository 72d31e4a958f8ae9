using Inbound.Web.Inbox;
using Inbound.Web.Inbox.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Inbound.Web.Queues;

/// <summary>
/// What every queue view shares: it reads once, re-reads once per batch of live events (never per event, never on a
/// poll), and ticks its waits every second by re-rendering alone: a wait is "now minus an instant it already holds".
/// </summary>
public abstract class LiveQueueComponent : ComponentBase, IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private IDisposable? _subscription;
    private Timer? _ticker;

    [Inject] protected InboxNotifier Notifier { get; set; } = null!;
    [Inject] protected InboxViewers Viewers { get; set; } = null!;
    [Inject] protected TimeProvider Clock { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected InboxViewer? Viewer { get; private set; }

    protected DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Reads what the view shows; called on start and once per batch of live events.</summary>
    protected abstract Task ReadAsync();

    protected override async Task OnInitializedAsync()
    {
        Viewer = AuthenticationState is null ? null : await Viewers.ResolveAsync((await AuthenticationState).User);
        if (Viewer is null || !(Viewer.IsAdmin || Viewer.IsSupervisor)) return;
        await ReadAsync();
        // Conversation and presence events of every team reach these groups; the read keeps only the viewer's teams.
        _subscription ??= Notifier.Subscribe([InboxGroups.Admins, InboxGroups.Supervisors], _ => InvokeAsync(async () =>
        {
            await ReadAsync();
            StateHasChanged();
        }));
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Real time, not the app's clock: it only paces re-rendering, the waits themselves read the clock.
        if (firstRender && _subscription is not null)
            _ticker = new Timer(_ => _ = InvokeAsync(StateHasChanged), null, Tick, Tick);
    }

    public virtual void Dispose()
    {
        _ticker?.Dispose();
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
