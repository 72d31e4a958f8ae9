using System.Net;
using Inbound.Domain.Conversations;
using Inbound.Tests.Infrastructure;
using Inbound.Web.Channels.Media;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Channels;

/// <summary>Meta's published WhatsApp Cloud API webhook samples through the channel's webhook, against a fake Graph API.</summary>
public sealed class WhatsAppWebhookTests : IAsyncLifetime
{
    private FakeProvider _graph = null!;
    private InboundApp _app = null!;

    public async Task InitializeAsync()
    {
        _graph = (await FakeProvider.StartAsync()).ActAsWhatsApp();
        _app = new InboundApp().With("Seed:DemoWorkflow", "false").WithWhatsApp(_graph);
        await ((IAsyncLifetime)_app).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        await _graph.DisposeAsync();
    }

    private Task<List<Message>> InboundAsync() =>
        _app.QueryAsync(db => db.Messages.AsNoTracking().Where(m => m.Direction == MessageDirection.Inbound).ToListAsync());

    [Fact]
    public async Task The_verification_request_gets_the_challenge_back_only_with_the_channels_verify_token()
    {
        var http = _app.CreateHttpClient();

        using var right = await http.GetAsync($"api/channels/whatsapp/whatsapp?hub.mode=subscribe&hub.verify_token={FakeWhatsApp.VerifyToken}&hub.challenge=1158201444");
        using var wrong = await http.GetAsync("api/channels/whatsapp/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("1158201444", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
    }

    [Theory]
    [InlineData("whatsapp-text.json", "Does it come in another color?")]
    [InlineData("whatsapp-interactive-button-reply.json", "Support")]
    [InlineData("whatsapp-interactive-list-reply.json", "Billing")]
    [InlineData("whatsapp-location.json", "Philz Coffee, 101 Forest Ave, Palo Alto, CA 94301 📍 https://maps.google.com/?q=37.44216251868683,-122.16153582049394")]
    public async Task A_contacts_message_becomes_a_message_of_their_conversation(string payload, string text)
    {
        using var response = await FakeWhatsApp.PostAsync(_app.CreateHttpClient(), FakeTelegram.Payload(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(text, Assert.Single(await InboundAsync()).Body);
        var contact = await _app.QueryAsync(db => db.Contacts.SingleAsync());
        Assert.Equal("Sheena Nelson", contact.Name);
        Assert.Equal("+16505551234", contact.Phone);
    }

    [Theory]
    [InlineData("whatsapp-image.json", "Black jacket", "image/jpeg", "1003383421387256")]
    [InlineData("whatsapp-document.json", "Receipt", "application/pdf", "1073297424612435")]
    public async Task A_file_the_contact_sends_is_fetched_with_the_access_token_and_kept(string payload, string caption, string type, string mediaId)
    {
        using var response = await FakeWhatsApp.PostAsync(_app.CreateHttpClient(), FakeTelegram.Payload(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await InboundAsync());
        Assert.Equal(caption, message.Body);
        var file = await _app.QueryAsync(db => db.Set<StoredFile>().SingleAsync());
        Assert.Equal(type, file.ContentType);
        Assert.Equal(message.AttachmentIds!.Single(), file.Id);
        var lookup = _graph.Requests.Single(r => r.Path == $"/v21.0/{mediaId}");
        var download = _graph.Requests.Single(r => r.Path == $"/media-file/{mediaId}");
        Assert.Equal($"Bearer {FakeWhatsApp.AccessToken}", lookup.Header("Authorization"));
        Assert.Equal($"Bearer {FakeWhatsApp.AccessToken}", download.Header("Authorization"));
    }

    [Fact]
    public async Task A_kind_Inbound_does_not_handle_is_acknowledged_and_ignored()
    {
        using var response = await FakeWhatsApp.PostAsync(_app.CreateHttpClient(), FakeTelegram.Payload("whatsapp-reaction.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await InboundAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-app-secret")]
    public async Task An_unsigned_or_wrongly_signed_notification_is_refused_and_nothing_is_stored(string? secret)
    {
        using var response = await FakeWhatsApp.PostAsync(_app.CreateHttpClient(), FakeTelegram.Payload("whatsapp-text.json"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await InboundAsync());
    }

    [Theory]
    [InlineData("""{"object": "whatsapp_business_account", "entry": [""")]
    [InlineData("""{"object": "page", "entry": []}""")]
    public async Task A_malformed_notification_is_a_bad_request_and_nothing_is_stored(string json)
    {
        using var response = await FakeWhatsApp.PostAsync(_app.CreateHttpClient(), json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await InboundAsync());
    }

    [Theory]
    [InlineData("api")] // a custom channel's key: the WhatsApp route does not take it
    [InlineData("no-such-channel")]
    public async Task A_notification_for_a_key_that_names_no_WhatsApp_channel_is_not_found_and_nothing_is_stored(string channelKey)
    {
        using var response = await FakeWhatsApp.PostAsync(_app.CreateHttpClient(), FakeTelegram.Payload("whatsapp-text.json"), channelKey: channelKey);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"'{channelKey}'", await response.Content.ReadAsStringAsync());
        Assert.Empty(await InboundAsync());
    }
}
