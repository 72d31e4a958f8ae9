using System.Text.Json.Nodes;
using Inbound.Domain.Conversations;
using Inbound.Tests.Infrastructure;
using Inbound.Tests.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Channels;

/// <summary>Replies on Telegram go out through the Bot API; the seeded workflow's question arrives as inline buttons.</summary>
public sealed class TelegramDeliveryTests : IAsyncLifetime
{
    private FakeProvider _telegram = null!;
    private InboundApp _app = null!;

    public async Task InitializeAsync()
    {
        _telegram = (await FakeProvider.StartAsync()).ActAsTelegram();
        _app = new InboundApp().WithTelegram(_telegram);
        await ((IAsyncLifetime)_app).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        await _telegram.DisposeAsync();
    }

    [Fact]
    public async Task The_workflows_question_is_sent_with_its_options_as_inline_buttons_and_a_tap_answers_it()
    {
        await _app.SetAvailabilityAsync("ana@inbound.local", Inbound.Domain.Agents.AgentAvailability.Online);
        (await FakeTelegram.PostUpdateAsync(_app.CreateHttpClient(), FakeTelegram.Payload("telegram-message-text.json"))).Dispose();

        var question = await _telegram.RequestAsync(r => r.Path.EndsWith("/sendMessage") && r.Text.Contains("inline_keyboard"), "the question");
        var body = JsonNode.Parse(question.Text)!;
        Assert.Equal("1111111", body["chat_id"]!.GetValue<string>());
        var buttons = body["reply_markup"]!["inline_keyboard"]!.AsArray().Select(row => row![0]!["callback_data"]!.GetValue<string>()).ToList();
        Assert.Equal(["Sales", "Support", "Billing"], buttons);

        (await FakeTelegram.PostUpdateAsync(_app.CreateHttpClient(), FakeTelegram.Payload("telegram-callback-query.json"))).Dispose();

        var conversation = await Eventually.GetAsync(() => _app.QueryAsync(db => db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.AssigneeId != null)),
            "the conversation to be assigned");
        Assert.Equal(await _app.AgentIdAsync("ana@inbound.local"), conversation.AssigneeId);
        var sent = await _app.QueryAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Body == "What can we help you with?"));
        Assert.Equal(DeliveryStatus.Delivered, sent.DeliveryStatus);
    }

    [Fact]
    public async Task A_reply_Telegram_refuses_is_marked_failed_with_its_description()
    {
        _telegram.ActAsTelegram((r, _) => r.Path.EndsWith("/sendMessage")
            ? new ProviderAnswer(403, """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""")
            : null);
        (await FakeTelegram.PostUpdateAsync(_app.CreateHttpClient(), FakeTelegram.Payload("telegram-message-text.json"))).Dispose();

        var failed = await Eventually.GetAsync(() => _app.QueryAsync(db => db.Messages.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Direction == MessageDirection.Outbound && m.DeliveryStatus == DeliveryStatus.Failed)), "the question to fail");

        Assert.Contains("bot was blocked by the user", failed.DeliveryError);
    }
}
