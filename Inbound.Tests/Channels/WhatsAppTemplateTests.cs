using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inbound.Domain.Channels;
using Inbound.Domain.Conversations;
using Inbound.Tests.Infrastructure;
using Inbound.Web.Accounts;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Channels.Admin;
using Inbound.Web.Channels.WhatsApp;
using Inbound.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Channels;

/// <summary>
/// After WhatsApp's customer-service window has closed, an agent's free-form reply is refused up front and an approved
/// template (configured on the channel) goes out instead, as Meta's template message, through the outbox.
/// </summary>
public sealed class WhatsAppTemplateTests : IAsyncLifetime
{
    private FakeProvider _graph = null!;
    private InboundApp _app = null!;

    public async Task InitializeAsync()
    {
        _graph = (await FakeProvider.StartAsync()).ActAsWhatsApp();
        // A window of zero: the contact's message is already outside it, without waiting a day.
        _app = new InboundApp().With("Seed:DemoWorkflow", "false").WithWhatsApp(_graph).With("Channels:WhatsApp:ServiceWindow", "00:00:00");
        await ((IAsyncLifetime)_app).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        await _graph.DisposeAsync();
    }

    private async Task<(InboxUser Ana, Guid ConversationId)> ContactWroteLongAgoAsync()
    {
        (await FakeWhatsApp.PostAsync(_app.CreateHttpClient(), FakeTelegram.Payload("whatsapp-text.json"))).Dispose();
        var conversation = await Eventually.GetAsync(() => _app.QueryAsync(db => db.Conversations.AsNoTracking().FirstOrDefaultAsync()), "the conversation");
        var ana = await InboxUser.SignInAsync(_app, "ana@inbound.local");
        await new Conversations(_app).AssignAsync(conversation.Id, ana.AgentId);
        return (ana, conversation.Id);
    }

    private Task<List<Message>> RepliesAsync(Guid conversationId) =>
        _app.QueryAsync(db => db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.Outbound).ToListAsync());

    [Fact]
    public async Task A_free_form_reply_outside_the_window_is_refused_by_the_api_and_nothing_is_stored_or_sent()
    {
        var (ana, id) = await ContactWroteLongAgoAsync();
        await using var _ = ana;

        using var response = await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/replies", new { text = "Yes, in blue" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("only allows an approved template", await response.Content.ReadAsStringAsync());
        Assert.Empty(await RepliesAsync(id));
        Assert.DoesNotContain(_graph.Requests, r => r.Path.EndsWith("/messages"));
    }

    [Fact]
    public async Task An_approved_template_set_on_the_channel_goes_out_as_a_template_message_and_shows_as_its_text()
    {
        var admin = _app.Services.GetRequiredService<ChannelAdministration>();
        var channel = (await admin.ListAsync()).Single(r => r.Key == FakeWhatsApp.ChannelKey);
        Assert.Null(await admin.SaveAsync(Actor.System, channel.Id, new ChannelDraft
        {
            Key = channel.Key, Name = channel.Name, Type = ChannelType.WhatsApp,
            Templates =
            [
                new TemplateDraft { Name = "order_update", Language = "en_US", Body = "Hi {{1}}, your order {{2}} has shipped." },
                new TemplateDraft(),
            ],
        }, "http://localhost/"));
        var (ana, id) = await ContactWroteLongAgoAsync();
        await using var _ = ana;

        var window = await _app.Services.GetRequiredService<ServiceWindow>().ForAsync(id);
        Assert.False(window.IsOpen);
        var template = Assert.Single(window.Templates);
        var viewer = new InboxViewer("ana", ana.AgentId, "Ana Agent", Roles.Agent, new HashSet<Guid>());
        var result = await _app.Services.GetRequiredService<InboxCommands>().ReplyWithTemplateAsync(viewer, id, template.Name, template.Language, ["Sheena", "#1042"]);
        Assert.True(result.Succeeded, result.Error);

        var sent = await _graph.RequestAsync(r => r.Path == $"/v21.0/{FakeWhatsApp.PhoneNumberId}/messages", "the template at the Cloud API");
        var body = JsonNode.Parse(sent.Text)!;
        Assert.Equal("template", body["type"]!.GetValue<string>());
        Assert.Equal("16505551234", body["to"]!.GetValue<string>());
        Assert.Equal("order_update", body["template"]!["name"]!.GetValue<string>());
        Assert.Equal("en_US", body["template"]!["language"]!["code"]!.GetValue<string>());
        var component = Assert.Single(body["template"]!["components"]!.AsArray())!;
        Assert.Equal("body", component["type"]!.GetValue<string>());
        Assert.Equal(["Sheena", "#1042"], component["parameters"]!.AsArray().Select(p => p!["text"]!.GetValue<string>()));
        var shown = await _app.DeliveryAsync(id, "Hi Sheena, your order #1042 has shipped.", DeliveryStatus.Sent);
        Assert.Equal(ana.AgentId, shown.AuthorId);
    }
}
