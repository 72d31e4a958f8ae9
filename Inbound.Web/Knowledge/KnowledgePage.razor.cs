using Inbound.Web.Admin.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace Inbound.Web.Knowledge;

public partial class KnowledgePage
{
    // Articles are notes and manuals, not books; a larger file is refused before it is read.
    private const long MaxFileBytes = 512 * 1024;
    private static readonly TimeSpan StatusRefresh = TimeSpan.FromSeconds(2);

    [Inject] private KnowledgeBase Knowledge { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<KnowledgeArticleView> _articles = [];
    private string _title = "";
    private string _text = "";
    private string? _fileName;
    private string? _error;
    private bool _busy;

    protected override async Task OnInitializedAsync() => _articles = await Knowledge.ListAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) _ = RefreshWhilePendingAsync();
    }

    /// <summary>Embedding runs in the background: while an article is pending, its status is re-read every few seconds.</summary>
    private async Task RefreshWhilePendingAsync()
    {
        using var timer = new PeriodicTimer(StatusRefresh);
        try
        {
            while (await timer.WaitForNextTickAsync(_disposed.Token))
            {
                if (!_articles.Any(a => a.Status == KnowledgeStatus.Pending)) continue;
                _articles = await Knowledge.ListAsync(_disposed.Token);
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task ReadAsync(IBrowserFile? file)
    {
        if (file is null) return;
        _error = null;
        if (file.Size > MaxFileBytes) { _error = L["FileTooLarge"]; return; }
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(MaxFileBytes));
            _text = await reader.ReadToEndAsync();
            _fileName = file.Name;
            if (string.IsNullOrWhiteSpace(_title)) _title = Path.GetFileNameWithoutExtension(file.Name);
        }
        catch (IOException) { _error = L["CouldNotRead"]; }
    }

    private async Task AddAsync()
    {
        _busy = true;
        try
        {
            var (_, problem) = await Knowledge.AddAsync(_title, _text, _fileName, Actor.From((await AuthenticationState).User));
            if (problem is not null)
            {
                _error = L[problem];
                return;
            }
            _error = null;
            (_title, _text, _fileName) = ("", "", null);
            _articles = await Knowledge.ListAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DeleteAsync(KnowledgeArticleView article)
    {
        await Knowledge.DeleteAsync(article.Id, Actor.From((await AuthenticationState).User));
        _articles = await Knowledge.ListAsync();
    }

    private static Color StatusColor(KnowledgeStatus status) => status switch
    {
        KnowledgeStatus.Ready => Color.Success,
        KnowledgeStatus.Failed => Color.Error,
        _ => Color.Default,
    };

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
