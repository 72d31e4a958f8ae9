using Inbound.Tests.Ai;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Ai;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.AI;

namespace Inbound.Tests.ScaleOut;

/// <summary>Settings an admin saves on one node are in force on every node at once, not after a restart.</summary>
[Trait("Category", "PostgreSqlPass")] // scripts/test.sh runs it on PostgreSQL only: the setup README prescribes for several nodes
public sealed class SettingsAcrossNodesTests : IAsyncLifetime
{
    private readonly string _prefix = $"settings-{Guid.NewGuid():N}";
    private FakeOpenAiServer _ai = null!;
    private InboundApp _a = null!;
    private InboundApp _b = null!;

    public async Task InitializeAsync()
    {
        _ai = await FakeOpenAiServer.StartAsync();
        _a = new NoWorkflowsApp().With("Redis:Connection", TestServices.Redis).With("Redis:Prefix", _prefix);
        await _a.InitializeAsync();
        // The shared key ring exists before the second node reads it, as when one node of a cluster starts first.
        _a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("warm-up").Protect("key ring");
        _b = InboundApp.SecondNodeOf(_a).With("Redis:Connection", TestServices.Redis).With("Redis:Prefix", _prefix);
        await _b.InitializeAsync();
    }

    [Fact]
    public async Task AI_switched_on_with_a_key_on_node_A_answers_on_node_B_with_that_key_without_a_restart()
    {
        var onB = _b.Services.GetRequiredService<AiClients>();
        Assert.False(onB.IsEnabled);

        var settings = new AiOptions { Enabled = true, BaseUrl = _ai.BaseUrl, Model = "model-saved-on-a" };
        await _a.Services.GetRequiredService<AiSettingsStore>().SaveAsync(settings, newApiKey: "sk-from-node-a", removeApiKey: false, Actor.System);
        await _a.Services.GetRequiredService<AiClients>().SettingsSavedAsync();

        await Eventually.TrueAsync(() => Task.FromResult(onB.IsEnabled), "AI on at node B");
        await onB.RequireChat().GetResponseAsync("hello");
        var request = _ai.ChatRequests.Single();
        Assert.Equal("model-saved-on-a", (string?)request.Json["model"]);
        Assert.Equal("Bearer sk-from-node-a", request.Authorization);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // The second node shares the first one's data: it stops without dropping it; the first node's end removes it.
        await _b.DisposeAsync();
        await ((IAsyncLifetime)_a).DisposeAsync();
        await _ai.DisposeAsync();
    }
}
