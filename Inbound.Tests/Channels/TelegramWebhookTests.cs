using System.Net;
using System.Text.Json.Nodes;
using Inbound.Domain.Conversations;
using Inbound.Tests.Infrastructure;
using Inbound.Web.Channels.Media;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Channels;

/// <summary>Telegram's published Update samples through the bot's webhook, against a fake Bot API.</summary>
public sealed class TelegramWebhookTests : IAsyncLifetime
{
    private FakeProvider _telegram = null!;
    private InboundApp _app = null!;

    public async Task InitializeAsync()
    {
        _telegram = (await FakeProvider.StartAsync()).ActAsTelegram();
        _app = new InboundApp().With("Seed:DemoWorkflow", "false").WithTelegram(_telegram);
        await ((IAsyncLifetime)_app).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        await _telegram.DisposeAsync();
    }

    private Task<List<Message>> MessagesAsync() =>
        _app.QueryAsync(db => db.Messages.AsNoTracking().Where(m => m.Direction == MessageDirection.Inbound).OrderBy(m => m.CreatedAt).ToListAsync());

    [Fact]
    public async Task A_text_message_opens_a_conversation_for_the_chat_with_the_senders_name()
    {
        using var response = await FakeTelegram.PostUpdateAsync(_app.CreateHttpClient(), FakeTelegram.Payload("telegram-message-text.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await MessagesAsync());
        Assert.Equal("/start", message.Body);
        var contact = await _app.QueryAsync(db => db.Contacts.Include(c => c.Identities).SingleAsync(c => c.Identities.Any(i => i.ExternalId == "1111111")));
        Assert.Equal("Test Firstname Test Lastname", contact.Name);
    }

    [Fact]
    public async Task The_language_of_the_senders_telegram_app_becomes_the_contacts_language()
    {
        var update = JsonNode.Parse(FakeTelegram.Payload("telegram-message-text.json"))!;
        update["message"]!["from"]!["language_code"] = "th";

        using var response = await FakeTelegram.PostUpdateAsync(_app.CreateHttpClient(), update.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contact = await _app.QueryAsync(db => db.Contacts.SingleAsync(c => c.Identities.Any(i => i.ExternalId == "1111111")));
        Assert.Equal("th", contact.Language);
    }

    [Fact]
    public async Task Telegram_sending_the_same_update_again_stores_it_once()
    {
        var http = _app.CreateHttpClient();
        (await FakeTelegram.PostUpdateAsync(http, FakeTelegram.Payload("telegram-message-text.json"))).Dispose();
        using var again = await FakeTelegram.PostUpdateAsync(http, FakeTelegram.Payload("telegram-message-text.json"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(await MessagesAsync());
    }

    [Fact]
    public async Task A_tap_on_an_inline_button_is_the_contacts_answer_and_the_button_is_answered()
    {
        using var response = await FakeTelegram.PostUpdateAsync(_app.CreateHttpClient(), FakeTelegram.Payload("telegram-callback-query.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Sales", Assert.Single(await MessagesAsync()).Body);
        var answered = await _telegram.RequestAsync(r => r.Path.EndsWith("/answerCallbackQuery"), "answerCallbackQuery");
        Assert.Equal("4382bfdwdsb323b2d9", JsonNode.Parse(answered.Text)!["callback_query_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("telegram-message-photo.json", "The broken part", "image/jpeg")]
    [InlineData("telegram-message-document.json", "", "application/pdf")]
    [InlineData("telegram-message-voice.json", "", "audio/ogg")]
    public async Task A_file_the_contact_sends_is_downloaded_and_kept_with_the_message(string payload, string caption, string contentType)
    {
        using var response = await FakeTelegram.PostUpdateAsync(_app.CreateHttpClient(), FakeTelegram.Payload(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await MessagesAsync());
        Assert.Equal(caption, message.Body);
        var fileId = Assert.Single(message.AttachmentIds!);
        var file = await _app.QueryAsync(db => db.Set<StoredFile>().SingleAsync(f => f.Id == fileId));
        Assert.Equal(contentType, file.ContentType);
        Assert.Equal(message.ConversationId, file.ConversationId);
        await using var content = await _app.Services.GetRequiredService<MediaLibrary>().OpenAsync(file, default);
        Assert.Equal(FakeTelegram.FileBytes, await new StreamReader(content).ReadToEndAsync());
        Assert.Contains(_telegram.Requests, r => r.Path == $"/bot{FakeTelegram.BotToken}/getFile");
    }

    [Fact]
    public async Task An_update_kind_Inbound_does_not_handle_is_acknowledged_and_ignored()
    {
        using var response = await FakeTelegram.PostUpdateAsync(_app.CreateHttpClient(), FakeTelegram.Payload("telegram-edited-message.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await MessagesAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("the-wrong-secret-token-entirely")]
    public async Task An_update_without_the_channels_secret_token_is_refused_and_nothing_is_stored(string? secret)
    {
        using var response = await FakeTelegram.PostUpdateAsync(_app.CreateHttpClient(), FakeTelegram.Payload("telegram-message-text.json"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await MessagesAsync());
    }

    [Fact]
    public async Task A_malformed_update_is_a_bad_request_and_nothing_is_stored()
    {
        using var response = await FakeTelegram.PostUpdateAsync(_app.CreateHttpClient(), """{"update_id": "not a number", "message": """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await MessagesAsync());
    }
}
