using Inbound.Web.Inbox.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Inbound.Web.WebChat;

public sealed partial class WebChatPage
{
    [Inject] private WebChatVisitors Visitors { get; set; } = null!;
    [Inject] private WebChatHours Hours { get; set; } = null!;
    [Inject] private InboxNotifier Notifier { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private IOptions<WebChatOptions> Options { get; set; } = null!;
    [Inject] private ILogger<WebChatPage> Logger { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    /// <summary>How often an open chat looks at the hours again, so that its header opens and closes with the team.</summary>
    private static readonly TimeSpan HoursCheckEvery = TimeSpan.FromMinutes(1);

    /// <summary>Set by webchat.js: the visitor id the host site keeps, and the page the chat was opened on.</summary>
    [SupplyParameterFromQuery(Name = "v")] private string? VisitorFromEmbed { get; set; }
    [SupplyParameterFromQuery(Name = "page")] private string? PageFromEmbed { get; set; }

    /// <summary>What the browser says about the visitor (module export <c>visitor()</c>).</summary>
    private sealed record BrowserVisitor(string Id, string Page, string UserAgent);

    private BrowserVisitor? _visitor;
    private VisitorThread _thread = VisitorThread.None;
    private ChatHours _hours = new(null, null);
    private string? _name;
    private string? _email;
    private string? _text;
    private string? _error;
    private bool _sending;
    private bool _scroll;
    private ElementReference _messagesElement;
    private IJSObjectReference? _module;
    private IDisposable? _subscription;
    private Guid? _subscribedContact;
    private readonly CancellationTokenSource _closing = new();

    private bool ShowPreChatForm => Options.Value.PreChatForm && _visitor is not null && _thread.ContactId is null;

    private int TooLongBy => Math.Max(0, (_text?.Trim().Length ?? 0) - Options.Value.MaxMessageLength);

    private bool CanSend => _visitor is not null && !_sending && !string.IsNullOrWhiteSpace(_text) && TooLongBy == 0;

    private string HoursText => _hours switch
    {
        { IsOpen: false, Opens: { } opens } => $"We're closed · we open {opens}",
        { IsOpen: false } => "We're closed now",
        { IsOpen: true } => "We're open · we usually reply within minutes",
        _ => "We usually reply within minutes",
    };

    private static string Day(DateTime utc) => utc.ToLocalTime().ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./WebChat/WebChatPage.razor.js");
            var browser = await _module.InvokeAsync<BrowserVisitor>("visitor", WebChatVisitors.IsValidVisitorId(VisitorFromEmbed) ? VisitorFromEmbed : null);
            _visitor = string.IsNullOrWhiteSpace(PageFromEmbed) ? browser : browser with { Page = PageFromEmbed };
            await ReloadAsync();
            StateHasChanged();
            _ = WatchHoursAsync(_closing.Token);
        }
        if (_scroll && _module is not null)
        {
            _scroll = false;
            await _module.InvokeVoidAsync("scrollToEnd", _messagesElement);
        }
    }

    private async Task ReloadAsync()
    {
        if (_visitor is null) return;
        _thread = await Visitors.GetThreadAsync(_visitor.Id);
        _hours = await Hours.NowAsync();
        _scroll = true;
        if (_thread.ContactId is { } contactId && _subscribedContact != contactId)
        {
            _subscription?.Dispose();
            _subscribedContact = contactId;
            _subscription = Notifier.Subscribe([InboxGroups.Contact(contactId)], _ => InvokeAsync(async () =>
            {
                await ReloadAsync();
                StateHasChanged();
            }));
        }
    }

    private async Task WatchHoursAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(HoursCheckEvery, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var hours = await Hours.NowAsync(cancellationToken);
                if (hours != _hours) await InvokeAsync(() =>
                {
                    _hours = hours;
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
        catch (Exception ex)
        {
            // The header keeps what it last said; the chat itself goes on.
            Logger.LogWarning(ex, "The web chat stopped following the business hours");
        }
    }

    /// <summary>A tap on a suggested answer sends it as if the visitor had typed it; what they were typing stays.</summary>
    private Task PickAsync(string choice) => SendTextAsync(choice, fromComposer: false);

    private Task SendAsync() => CanSend ? SendTextAsync(_text, fromComposer: true) : Task.CompletedTask;

    private async Task SendTextAsync(string? text, bool fromComposer)
    {
        if (_visitor is null || string.IsNullOrWhiteSpace(text) || _sending) return;
        _sending = true;
        if (fromComposer) _text = null;
        try
        {
            await Visitors.SendAsync(_visitor.Id, new VisitorDetails(_name, _email, _visitor.Page, _visitor.UserAgent), text);
            _error = null;
            await ReloadAsync();
        }
        catch (MessageTooLongException ex)
        {
            if (fromComposer) _text = text;
            _error = ex.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "A web chat message could not be sent");
            if (fromComposer) _text = text;
            _error = "Your message could not be sent. Please try again.";
        }
        finally
        {
            _sending = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        _closing.Dispose();
        _subscription?.Dispose();
        if (_module is not null)
        {
            try { await _module.DisposeAsync(); } catch (JSDisconnectedException) { }
        }
    }
}
