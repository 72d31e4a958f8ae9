using Inbound.Web.Admin.Audit;
using Inbound.Web.Ai;
using Microsoft.Extensions.AI;

namespace Inbound.Tests.Ai;

/// <summary>An admin's saved settings win over appsettings.json, switch the clients, and never give the key back.</summary>
public sealed class AiSettingsStoreTests : IAsyncLifetime
{
    private readonly InboundApp _app = new NoWorkflowsApp();
    private FakeOpenAiServer _ai = null!;

    public async Task InitializeAsync()
    {
        _ai = await FakeOpenAiServer.StartAsync();
        await _app.InitializeAsync();
    }

    [Fact]
    public async Task Ai_is_off_by_default_and_saving_it_on_builds_clients_that_use_the_saved_key()
    {
        var clients = _app.Services.GetRequiredService<AiClients>();
        var store = _app.Services.GetRequiredService<AiSettingsStore>();
        Assert.Null(clients.Chat);
        Assert.Equal(AiFailure.Off, Assert.Throws<AiUnavailableException>(() => clients.RequireChat()).Failure);

        var settings = new AiOptions { Enabled = true, BaseUrl = _ai.BaseUrl, Model = "saved-model", EmbeddingModel = "fake-embed" };
        await store.SaveAsync(settings, newApiKey: "sk-secret-123", removeApiKey: false, Actor.System);
        await clients.ReloadAsync();
        await clients.RequireChat().GetResponseAsync("hello");

        Assert.Equal("saved-model", (string?)_ai.ChatRequests.Single().Json["model"]);
        var view = await store.ViewAsync();
        Assert.True(view.HasApiKey);
        Assert.Null(view.Settings.ApiKey);
        var stored = await _app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<AiSettingsRecord>()));
        Assert.DoesNotContain("sk-secret-123", stored.ProtectedApiKey);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        await _ai.DisposeAsync();
    }
}
