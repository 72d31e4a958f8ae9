using System.Net;
using Inbound.Tests.Infrastructure;
using Inbound.Web.Channels.Media;

namespace Inbound.Tests.Channels;

/// <summary>Attachments are served only to those who may see their conversation, and only within the configured limits.</summary>
public sealed class MediaDownloadTests : IAsyncLifetime
{
    private readonly NoWorkflowsApp _app = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_app.With("Media:MaxFileBytes", "1000")).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private async Task<Guid> StoreAsync(Guid conversationId, string name, string type, int bytes = 10)
    {
        var (id, error) = await _app.Services.GetRequiredService<MediaLibrary>()
            .StoreAsync(new MemoryStream(new byte[bytes]), name, type, conversationId, default);
        Assert.Null(error);
        return id!.Value;
    }

    [Fact]
    public async Task A_file_is_served_to_the_assigned_agent_and_to_nobody_who_may_not_see_the_conversation()
    {
        var ana = await InboxUser.SignInAsync(_app, "ana@inbound.local");
        var ben = await InboxUser.SignInAsync(_app, "ben@inbound.local");
        var conversations = new Conversations(_app);
        var anas = await conversations.OpenAssignedAsync(ana, "Sales");
        var image = await StoreAsync(anas, "photo.png", "image/png");
        var document = await StoreAsync(anas, "contract.pdf", "application/pdf");

        using var shown = await ana.Http().GetAsync($"media/{image}");
        using var downloaded = await ana.Http().GetAsync($"media/{document}");
        using var forBen = await ben.Http().GetAsync($"media/{image}");
        using var noCookie = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress };
        using var anonymous = await noCookie.GetAsync($"media/{image}");

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("image/png", shown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, downloaded.StatusCode);
        // Not an image: a download, never rendered by the browser.
        Assert.Equal("application/octet-stream", downloaded.Content.Headers.ContentType?.MediaType);
        Assert.Equal("contract.pdf", downloaded.Content.Headers.ContentDisposition?.FileNameStar ?? downloaded.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(HttpStatusCode.NotFound, forBen.StatusCode);
        Assert.Contains(anonymous.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Found });
    }

    [Fact]
    public async Task A_file_over_the_size_limit_or_of_a_type_not_allowed_is_refused()
    {
        var media = _app.Services.GetRequiredService<MediaLibrary>();

        var large = await media.StoreAsync(new MemoryStream(new byte[1001]), "big.png", "image/png", null, default);
        var script = await media.StoreAsync(new MemoryStream(new byte[10]), "run.exe", "application/x-msdownload", null, default);

        Assert.Null(large.Id);
        Assert.Contains("larger than", large.Error);
        Assert.Null(script.Id);
        Assert.Contains("not accepted", script.Error);
    }
}
