using System.Text.Json.Nodes;
using Inbound.Domain.Conversations;
using Inbound.Tests.Infrastructure;
using Inbound.Web.Channels.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Channels;

/// <summary>Replies on WhatsApp through a fake Cloud API, and the status webhooks that follow them.</summary>
public sealed class WhatsAppDeliveryTests : IAsyncLifetime
{
    private FakeProvider _graph = null!;
    private InboundApp _app = null!;

    public async Task InitializeAsync()
    {
        _graph = (await FakeProvider.StartAsync()).ActAsWhatsApp();
        _app = new InboundApp().WithWhatsApp(_graph);
        await ((IAsyncLifetime)_app).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        await _graph.DisposeAsync();
    }

    private Task<Message> QuestionAsync(DeliveryStatus status) =>
        Eventually.GetAsync(() => _app.QueryAsync(db => db.Messages.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Body == "What can we help you with?" && m.DeliveryStatus == status)), $"the question to be {status}");

    [Fact]
    public async Task The_workflows_question_goes_out_as_reply_buttons_and_status_webhooks_move_it_to_delivered_and_read()
    {
        (await FakeWhatsApp.PostAsync(_app.CreateHttpClient(), FakeTelegram.Payload("whatsapp-text.json"))).Dispose();

        var sent = await _graph.RequestAsync(r => r.Path == $"/v21.0/{FakeWhatsApp.PhoneNumberId}/messages", "the question at the Cloud API");
        var body = JsonNode.Parse(sent.Text)!;
        Assert.Equal("16505551234", body["to"]!.GetValue<string>());
        Assert.Equal("button", body["interactive"]!["type"]!.GetValue<string>());
        Assert.Equal(["Sales", "Support", "Billing"],
            body["interactive"]!["action"]!["buttons"]!.AsArray().Select(b => b!["reply"]!["title"]!.GetValue<string>()));
        Assert.Equal($"Bearer {FakeWhatsApp.AccessToken}", sent.Header("Authorization"));
        var question = await QuestionAsync(DeliveryStatus.Sent);

        (await FakeWhatsApp.PostAsync(_app.CreateHttpClient(), FakeTelegram.Payload("whatsapp-status-delivered.json").Replace("{{WAMID}}", question.ExternalId))).Dispose();
        await QuestionAsync(DeliveryStatus.Delivered);
        (await FakeWhatsApp.PostAsync(_app.CreateHttpClient(), FakeTelegram.Payload("whatsapp-status-read.json").Replace("{{WAMID}}", question.ExternalId))).Dispose();
        await QuestionAsync(DeliveryStatus.Read);
    }

    [Fact]
    public async Task A_failed_status_marks_the_message_failed_with_WhatsApps_reason()
    {
        (await FakeWhatsApp.PostAsync(_app.CreateHttpClient(), FakeTelegram.Payload("whatsapp-text.json"))).Dispose();
        var question = await QuestionAsync(DeliveryStatus.Sent);

        (await FakeWhatsApp.PostAsync(_app.CreateHttpClient(), FakeTelegram.Payload("whatsapp-status-failed.json").Replace("{{WAMID}}", question.ExternalId))).Dispose();

        var failed = await QuestionAsync(DeliveryStatus.Failed);
        Assert.Contains("131047", failed.DeliveryError);
        Assert.Contains("more than 24 hours", failed.DeliveryError);
    }
}

/// <summary>Outside the customer-service window a free-form reply is refused before any call to WhatsApp.</summary>
public sealed class WhatsAppServiceWindowTests
{
    [Fact]
    public async Task A_reply_after_the_window_closed_fails_with_the_reason_and_is_not_sent()
    {
        await using var graph = (await FakeProvider.StartAsync()).ActAsWhatsApp();
        // A window of zero: every reply comes after it closed, without waiting a day.
        var app = new InboundApp().With("Seed:DemoWorkflow", "false").WithWhatsApp(graph).With("Channels:WhatsApp:ServiceWindow", "00:00:00");
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            (await FakeWhatsApp.PostAsync(app.CreateHttpClient(), FakeTelegram.Payload("whatsapp-text.json"))).Dispose();
            var conversation = await Eventually.GetAsync(() => app.QueryAsync(db => db.Conversations.AsNoTracking().FirstOrDefaultAsync()), "the conversation");

            await new Conversations(app).WorkflowReplyAsync(conversation.Id, "Yes, in blue");

            var failed = await app.DeliveryAsync(conversation.Id, "Yes, in blue", DeliveryStatus.Failed);
            Assert.Equal(WhatsAppSender.OutsideWindow, failed.DeliveryError);
            Assert.DoesNotContain(graph.Requests, r => r.Path.EndsWith("/messages"));
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
