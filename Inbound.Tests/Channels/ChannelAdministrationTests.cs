using System.Net;
using Inbound.Domain.Channels;
using Inbound.Tests.Infrastructure;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Channels.Admin;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Channels;

/// <summary>What admins do to channels on the channels page, and that it takes effect at once.</summary>
public sealed class ChannelAdministrationTests : IAsyncLifetime
{
    private FakeProvider _telegram = null!;
    private NoWorkflowsApp _app = null!;

    public async Task InitializeAsync()
    {
        _telegram = (await FakeProvider.StartAsync()).ActAsTelegram();
        _app = new NoWorkflowsApp();
        await ((IAsyncLifetime)_app).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        await _telegram.DisposeAsync();
    }

    private ChannelAdministration Admin => _app.Services.GetRequiredService<ChannelAdministration>();

    private async Task<ChannelRow> RowAsync(string key) => (await Admin.ListAsync()).Single(r => r.Key == key);

    [Fact]
    public async Task A_rotated_secret_applies_to_the_next_webhook_and_is_never_shown_back()
    {
        var client = new ChannelClient(_app.CreateHttpClient());
        await client.SendOkAsync("m-before", "c-1", "Before the rotation");
        var api = await RowAsync(InboundApp.ApiChannelKey);

        var error = await Admin.SaveAsync(Actor.System, api.Id, new ChannelDraft { Key = api.Key, Name = api.Name, Type = api.Type, Secret = "a-brand-new-secret-1234" }, "http://localhost/");

        Assert.Null(error);
        using var old = await client.SendAsync("m-after", "c-1", "With the old secret");
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        await new ChannelClient(_app.CreateHttpClient(), secret: "a-brand-new-secret-1234").SendOkAsync("m-new", "c-1", "With the new one");
        var row = await RowAsync(InboundApp.ApiChannelKey);
        Assert.Equal("••••1234", row.MaskedSecret);
        Assert.NotNull(row.LastInboundAt);
    }

    [Fact]
    public async Task A_disabled_channel_refuses_its_webhook()
    {
        var api = await RowAsync(InboundApp.ApiChannelKey);

        await Admin.SetEnabledAsync(Actor.System, api.Id, false);

        using var response = await new ChannelClient(_app.CreateHttpClient()).SendAsync("m-1", "c-1", "Anyone?");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False((await RowAsync(InboundApp.ApiChannelKey)).IsEnabled);
    }

    [Fact]
    public async Task A_change_made_on_another_node_reaches_this_nodes_cache_within_a_second()
    {
        await using var second = InboundApp.SecondNodeOf(_app);
        await ((IAsyncLifetime)second).InitializeAsync();
        var client = new ChannelClient(_app.CreateHttpClient());
        await client.SendOkAsync("m-warm", "c-1", "Warms this node's cache");
        var api = await RowAsync(InboundApp.ApiChannelKey);

        await second.Services.GetRequiredService<ChannelAdministration>().SetEnabledAsync(Actor.System, api.Id, false);

        await Eventually.TrueAsync(async () =>
        {
            using var response = await client.SendAsync($"m-{Guid.NewGuid():N}", "c-1", "Still open?");
            return response.StatusCode == HttpStatusCode.NotFound;
        }, "the first node to refuse the disabled channel", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_new_telegram_channel_registers_its_webhook_with_the_secret_token_and_keeps_its_token_write_only()
    {
        var draft = new ChannelDraft
        {
            Key = "tg", Name = "Support bot", Type = ChannelType.Telegram, Secret = "tg-webhook-secret-0001",
            Settings = { [ChannelSettingNames.TelegramBotToken] = "999:SECRET-TOKEN-abcd", [ChannelSettingNames.ApiBaseUrl] = _telegram.BaseAddress.ToString() },
        };

        Assert.Null(await Admin.SaveAsync(Actor.System, null, draft, "https://inbound.example.com/"));

        var setWebhook = Assert.Single(_telegram.Requests, r => r.Path == "/bot999:SECRET-TOKEN-abcd/setWebhook");
        Assert.Contains("https://inbound.example.com/api/channels/tg/telegram", setWebhook.Text);
        Assert.Contains("tg-webhook-secret-0001", setWebhook.Text);
        var row = await RowAsync("tg");
        Assert.Equal("••••abcd", row.Settings[ChannelSettingNames.TelegramBotToken]);
        Assert.Equal("api/channels/tg/telegram", row.WebhookPath);

        // Saved again with the token left empty: the stored token stays.
        Assert.Null(await Admin.SaveAsync(Actor.System, row.Id, new ChannelDraft { Key = "tg", Name = "Support bot 2", Type = ChannelType.Telegram,
            Settings = { [ChannelSettingNames.TelegramBotToken] = "", [ChannelSettingNames.ApiBaseUrl] = _telegram.BaseAddress.ToString() } }, "https://inbound.example.com/"));
        Assert.Equal(2, _telegram.Requests.Count(r => r.Path == "/bot999:SECRET-TOKEN-abcd/setWebhook"));
    }

    [Fact]
    public async Task A_channel_with_conversations_cannot_be_deleted_but_an_unused_one_can()
    {
        await new ChannelClient(_app.CreateHttpClient()).SendOkAsync("m-1", "c-1", "Hello");
        Assert.Null(await Admin.SaveAsync(Actor.System, null, new ChannelDraft { Key = "spare", Name = "Spare", Type = ChannelType.Api, Secret = "spare-secret-000000" }, "http://localhost/"));

        var refused = await Admin.DeleteAsync(Actor.System, (await RowAsync(InboundApp.ApiChannelKey)).Id);
        var deleted = await Admin.DeleteAsync(Actor.System, (await RowAsync("spare")).Id);

        Assert.Contains("disable it instead", refused);
        Assert.Null(deleted);
        Assert.DoesNotContain(await Admin.ListAsync(), r => r.Key == "spare");
    }

    [Fact]
    public async Task Adding_editing_rotating_disabling_and_deleting_a_channel_are_in_the_audit_log_without_the_secrets()
    {
        var carla = new Actor("carla-id", "Carla Admin");
        Assert.Null(await Admin.SaveAsync(carla, null, new ChannelDraft { Key = "spare", Name = "Spare", Type = ChannelType.Api, Secret = "spare-secret-000000" }, "http://localhost/"));
        var spare = await RowAsync("spare");
        Assert.Null(await Admin.SaveAsync(carla, spare.Id, new ChannelDraft
        {
            Key = "spare", Name = "Spare", Type = ChannelType.Api, Secret = "rotated-secret-111111",
            Settings = { [ChannelSettingNames.OutboundUrl] = "https://hooks.example.com/inbound" },
        }, "http://localhost/"));
        await Admin.SetEnabledAsync(carla, spare.Id, false);
        Assert.Null(await Admin.DeleteAsync(carla, spare.Id));

        var log = await _app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith("channel.")).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["channel.added", "channel.edited", "channel.secret-rotated", "channel.disabled", "channel.deleted"], log.Select(e => e.Action));
        Assert.All(log, e => Assert.Equal(("Carla Admin", "Channel Spare"), (e.ActorName, e.Subject)));
        Assert.Contains(ChannelSettingNames.OutboundUrl, log[1].Detail);
        Assert.DoesNotContain(log, e => e.Detail.Contains("secret-000000") || e.Detail.Contains("secret-111111"));
    }

    [Fact]
    public async Task A_test_message_goes_straight_to_the_provider_and_says_whether_it_was_taken()
    {
        Assert.Null(await Admin.SaveAsync(Actor.System, null, new ChannelDraft
        {
            Key = "tg", Name = "Bot", Type = ChannelType.Telegram, Secret = "tg-webhook-secret-0002",
            Settings = { [ChannelSettingNames.TelegramBotToken] = "1:T", [ChannelSettingNames.ApiBaseUrl] = _telegram.BaseAddress.ToString() },
        }, "http://localhost/"));

        var result = await Admin.SendTestAsync((await RowAsync("tg")).Id, "1111111", "Testing 1 2 3");

        Assert.True(result.Accepted);
        Assert.Contains(_telegram.Requests, r => r.Path == "/bot1:T/sendMessage" && r.Text.Contains("Testing 1 2 3"));
    }
}
