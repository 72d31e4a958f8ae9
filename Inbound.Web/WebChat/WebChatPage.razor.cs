using Inbound.Domain.Conversations;
using Inbound.Web.Channels.Media;
using Inbound.Web.Inbox.Live;
using Inbound.Web.WebChat.Abuse;
using Inbound.Web.WebChat.Identity;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
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
    [Inject] private VisitorVerification Verification { get; set; } = null!;
    [Inject] private WebChatOrigins Origins { get; set; } = null!;
    [Inject] private IOptions<MediaOptions> Media { get; set; } = null!;
    [Inject] private CircuitLimit Circuits { get; set; } = null!;
    [Inject] private IStringLocalizer<WebChatPage> L { get; set; } = null!;

    /// <summary>How often an open chat looks at the hours again, so that its header opens and closes with the team.</summary>
    private static readonly TimeSpan HoursCheckEvery = TimeSpan.FromMinutes(1);

    /// <summary>How long a framed chat waits for the embedding page to say who the visitor is before starting afresh.</summary>
    private const int EmbedWaitMs = 5_000;

    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    /// <summary>
    /// The client's address, read while the page is prerendered (the circuit that follows has no HTTP request to ask)
    /// and carried into the circuit as persisted state, which the server protects: a visitor cannot set it.
    /// </summary>
    [PersistentState] public string? ClientAddress { get; set; }

    /// <summary>The chat's language from the request's Accept-Language, so that the prerendered page already speaks it.</summary>
    [PersistentState] public string? BrowserLanguage { get; set; }

    /// <summary>What the frame learns from the embedding page, or from its own storage when opened directly (module export <c>embed()</c>).</summary>
    /// <param name="Languages">The browser's preferred languages (navigator.languages).</param>
    /// <param name="Chosen">The language the visitor picked with the switch on an earlier visit, if any.</param>
    private sealed record EmbedHandshake(string? Token, string? Page, string? UserAgent, IdentityClaim? User,
        IReadOnlyList<string>? Languages = null, string? Chosen = null);

    private ChatVisitor? _visitor;
    private string? _page;
    private string? _userAgent;
    /// <summary>Messages refused quietly (a blocked visitor): shown to them as sent, stored nowhere.</summary>
    private readonly List<VisitorMessage> _unsent = [];
    private bool _tooManyWindows;
    private VisitorThread _thread = VisitorThread.None;
    private string _language = ChatLanguages.Default;
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

    private bool ShowPreChatForm => Options.Value.PreChatForm && _visitor is { Verified: null } && _thread.ContactId is null;

    private bool CanAttach => _visitor is not null && !_sending;

    private int TooLongBy => Math.Max(0, (_text?.Trim().Length ?? 0) - Options.Value.MaxMessageLength);

    private bool CanSend => _visitor is not null && !_sending && !string.IsNullOrWhiteSpace(_text) && TooLongBy == 0;

    private System.Globalization.CultureInfo Culture => ChatLanguages.Culture(_language);

    /// <summary>A text of the chat in the visitor's language.</summary>
    private string T(string key, params object[] arguments) => ChatLanguages.In(Culture, () => L[key, arguments]);

    // An operator's own title and greeting are shown as written; the built-in ones speak the visitor's language.
    private string Title => Options.Value.Title == DefaultOptions.Title ? T("Title") : Options.Value.Title;
    private string Greeting => Options.Value.Greeting == DefaultOptions.Greeting ? T("Greeting") : Options.Value.Greeting;
    private static readonly WebChatOptions DefaultOptions = new();

    private string HoursText => _hours switch
    {
        { IsOpen: false, Opens: { } opens } => T("HoursClosedOpens", Opening(opens)),
        { IsOpen: false } => T("HoursClosed"),
        { IsOpen: true } => T("HoursOpen"),
        _ => T("HoursUnknown"),
    };

    /// <summary>"on Monday at 08:00 (Berlin time)", in the visitor's language and calendar.</summary>
    private string Opening(ChatOpening opens)
    {
        var time = opens.LocalTime.ToString("HH:mm", Culture);
        return opens.DaysAway switch
        {
            0 => T("OpensToday", time, opens.Zone),
            1 => T("OpensTomorrow", time, opens.Zone),
            < 7 => T("OpensOn", Culture.DateTimeFormat.GetDayName(opens.LocalTime.DayOfWeek), time, opens.Zone),
            _ => T("OpensOn", opens.LocalTime.ToString("dddd d MMMM", Culture), time, opens.Zone),
        };
    }

    private string Day(DateTime utc) => utc.ToLocalTime().ToString("d MMM", Culture);

    protected override void OnInitialized()
    {
        if (HttpContext is null) return;
        ClientAddress ??= CircuitLimit.Address(HttpContext);
        BrowserLanguage ??= ChatLanguages.Pick(ChatLanguages.FromAcceptLanguage(HttpContext.Request.Headers.AcceptLanguage));
        // Prerendering: when this address already holds all its live connections, the page will not come alive.
        _tooManyWindows = Circuits.IsFull(ClientAddress);
    }

    protected override void OnParametersSet()
    {
        // Both the prerendered page and the circuit start in the Accept-Language's language; the browser's own list
        // (and an earlier choice) take over once the page runs.
        if (_visitor is null && BrowserLanguage is { } language) _language = language;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./WebChat/WebChatPage.razor.js");
            var embed = await _module.InvokeAsync<EmbedHandshake>("embed", await Origins.AllowedAsync(), EmbedWaitMs);
            _page = embed.Page;
            _language = ChatLanguages.IsSupported(embed.Chosen) ? embed.Chosen! : ChatLanguages.Pick(embed.Languages ?? []);
            await _module.InvokeVoidAsync("showLanguage", _language);
            _userAgent = embed.UserAgent;
            // A visit with an old token moves the thread to a new one: a token seen before (an old link, a log) opens nothing.
            var token = await Visitors.RotateAsync(VisitorTokens.IsValid(embed.Token) ? embed.Token! : VisitorTokens.New(Clock.GetUtcNow()));
            await _module.InvokeVoidAsync("keepToken", token);
            var visitor = new ChatVisitor(token, null, ClientAddress);
            if (embed.User is { } claim)
            {
                var check = await Verification.VerifyAsync(claim);
                visitor = visitor with { Verified = check.Visitor };
                _error = check.Error == VisitorVerification.Refused ? T("IdentityRefused") : check.Error;
            }
            _visitor = visitor;
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
        _thread = await Visitors.GetThreadAsync(_visitor);
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

    /// <summary>The visitor's pick on the switch: the chat speaks it at once, the next visit remembers it, and their messages carry it.</summary>
    private async Task ChooseLanguageAsync(string language)
    {
        _language = language;
        if (_module is not null) await _module.InvokeVoidAsync("chooseLanguage", language);
    }

    /// <summary>A tap on a suggested answer sends it as if the visitor had typed it; what they were typing stays.</summary>
    private Task PickAsync(string choice) => SendTextAsync(choice, fromComposer: false);

    private Task SendAsync() => CanSend ? SendTextAsync(_text, fromComposer: true) : Task.CompletedTask;

    private async Task SendTextAsync(string? text, bool fromComposer)
    {
        if (_visitor is null || string.IsNullOrWhiteSpace(text) || _sending) return;
        if (fromComposer) _text = null;
        if (!await SendMessageAsync(text, null) && fromComposer) _text = text;
    }

    /// <summary>The visitor picked an image: it goes at once, within the size and types the Media settings allow.</summary>
    private async Task AttachAsync(InputFileChangeEventArgs e)
    {
        if (_visitor is null || _sending) return;
        var file = e.File;
        var max = Media.Value.MaxFileBytes;
        if (file.Size > max)
        {
            _error = T("ImageTooLarge", file.Name, max / (1024 * 1024));
            return;
        }
        await using var content = file.OpenReadStream(max, _closing.Token);
        await SendMessageAsync(null, new VisitorImage(content, file.Name, string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType));
    }

    /// <returns>Whether the message left the composer for good (sent, or refused quietly); false keeps what was typed.</returns>
    private async Task<bool> SendMessageAsync(string? text, VisitorImage? image)
    {
        _sending = true;
        try
        {
            var delivered = await Visitors.SendAsync(_visitor!, new VisitorDetails(_name, _email, _page, _userAgent, _language), text, image);
            if (!delivered)
                _unsent.Add(new VisitorMessage(Guid.NewGuid(), true, "You", text ?? "", Clock.GetUtcNow().UtcDateTime, DeliveryStatus.Sent, Images: image is null ? 0 : 1));
            _error = null;
            await ReloadAsync();
            return true;
        }
        catch (Exception ex) when (ex is MessageTooLongException or SlowDownException or VisitorImageException)
        {
            _error = ex switch
            {
                MessageTooLongException tooLong => T("MessageTooLong", tooLong.Length.ToString("N0", Culture), tooLong.Max.ToString("N0", Culture)),
                SlowDownException => T("SlowDown"),
                _ => T("ImageRefused", image?.FileName ?? ""),
            };
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "A web chat message could not be sent");
            _error = T("NotSent");
            return false;
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
