using System.Net;
using System.Text.Json.Nodes;
using Inbound.Domain.Conversations;
using Inbound.Tests.Infrastructure;
using Inbound.Web.Channels.Line;
using Inbound.Web.Channels.Media;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Channels;

/// <summary>The LINE Messaging API reference's webhook examples through the channel's webhook, against a fake LINE API.</summary>
public sealed class LineWebhookTests : IAsyncLifetime
{
    private FakeProvider _line = null!;
    private InboundApp _app = null!;

    public async Task InitializeAsync()
    {
        _line = (await FakeProvider.StartAsync()).ActAsLine();
        _app = new InboundApp().With("Seed:DemoWorkflow", "false").WithLine(_line);
        await ((IAsyncLifetime)_app).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        await _line.DisposeAsync();
    }

    private Task<List<Message>> MessagesAsync() =>
        _app.QueryAsync(db => db.Messages.AsNoTracking().Where(m => m.Direction == MessageDirection.Inbound).OrderBy(m => m.CreatedAt).ToListAsync());

    private Task<Inbound.Domain.Contacts.Contact> ContactAsync(string userId) =>
        _app.QueryAsync(db => db.Contacts.AsNoTracking().Include(c => c.Identities).SingleAsync(c => c.Identities.Any(i => i.ExternalId == userId)));

    private async Task PostOkAsync(string json)
    {
        using var response = await FakeLine.PostAsync(_app.CreateHttpClient(), json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_text_message_opens_a_conversation_for_the_contact_named_and_pictured_by_their_LINE_profile()
    {
        await PostOkAsync(FakeLine.Payload("line-text.json"));

        Assert.Equal("Hello, world", Assert.Single(await MessagesAsync()).Body);
        var contact = await ContactAsync(FakeLine.ReferenceUser);
        Assert.Equal(FakeLine.DisplayName, contact.Name);
        Assert.Equal(FakeLine.PictureUrl(_line), contact.GetField(LineProfiles.PictureField));
        Assert.Equal("th", contact.GetField(LineProfiles.LanguageField));
        var profile = Assert.Single(_line.Requests, r => r.Path.StartsWith("/v2/bot/profile/"));
        Assert.Equal($"Bearer {FakeLine.AccessToken}", profile.Header("Authorization"));
    }

    [Fact]
    public async Task The_profile_is_fetched_once_a_day_not_for_every_message()
    {
        await PostOkAsync(FakeLine.Payload("line-text.json"));
        await PostOkAsync(FakeLine.Payload("line-sticker.json"));

        Assert.Equal(2, (await MessagesAsync()).Count);
        Assert.Single(_line.Requests, r => r.Path.StartsWith("/v2/bot/profile/"));
    }

    [Theory]
    [InlineData("line-image.json", "354718705033693859", "image.jpg", "image/jpeg")]
    [InlineData("line-video.json", "325708", "video.mp4", "video/mp4")]
    [InlineData("line-audio.json", "325709", "audio.m4a", "audio/m4a")]
    [InlineData("line-file.json", "325710", "file.txt", "text/plain")]
    public async Task A_file_the_contact_sends_is_downloaded_from_the_data_API_and_kept_with_the_message(string payload, string lineId, string fileName,
        string contentType)
    {
        await PostOkAsync(FakeLine.Payload(payload));

        var message = Assert.Single(await MessagesAsync());
        var fileId = Assert.Single(message.AttachmentIds!);
        var file = await _app.QueryAsync(db => db.Set<StoredFile>().SingleAsync(f => f.Id == fileId));
        Assert.Equal((fileName, contentType, message.ConversationId), (file.FileName, file.ContentType, file.ConversationId));
        Assert.Contains(_line.Requests, r => r.Path == $"/v2/bot/message/{lineId}/content");
    }

    [Theory]
    [InlineData("line-sticker.json", "[Sticker: cony, sally, Staring]")]
    [InlineData("line-location.json", "my location, 1-3 Kioicho, Chiyoda-ku, Tokyo, 102-8282, Japan 📍 https://maps.google.com/?q=35.67966,139.73669")]
    [InlineData("line-postback.json", "storeId=12345")]
    public async Task Stickers_locations_and_postbacks_become_readable_messages(string payload, string body)
    {
        await PostOkAsync(FakeLine.Payload(payload));

        Assert.Equal(body, Assert.Single(await MessagesAsync()).Body);
    }

    [Fact]
    public async Task A_wrong_signature_is_refused_with_problem_details_and_nothing_is_stored()
    {
        using var response = await FakeLine.PostAsync(_app.CreateHttpClient(), FakeLine.Payload("line-text.json"), secret: "not-the-channel-secret-at-all");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bad signature", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["title"]!.GetValue<string>());
        Assert.Empty(await MessagesAsync());
        Assert.Equal(0, await _app.QueryAsync(db => db.Contacts.CountAsync(c => c.Identities.Any(i => i.ExternalId == FakeLine.ReferenceUser))));
        Assert.Empty(_line.Requests);
    }

    [Fact]
    public async Task A_redelivered_event_is_stored_once()
    {
        await PostOkAsync(FakeLine.Payload("line-text.json"));
        await PostOkAsync(FakeLine.Payload("line-text-redelivered.json"));

        Assert.Single(await MessagesAsync());
    }

    [Fact]
    public async Task The_consoles_verification_request_without_events_is_answered_200()
    {
        await PostOkAsync(FakeLine.Payload("line-verify.json"));

        Assert.Empty(await MessagesAsync());
    }

    [Fact]
    public async Task A_contact_who_blocks_the_account_is_unreachable_until_they_unblock_it()
    {
        await PostOkAsync(FakeLine.Payload("line-text.json"));

        await PostOkAsync(FakeLine.Payload("line-unfollow.json"));
        var blocked = await ContactAsync(FakeLine.ReferenceUser);
        Assert.False(blocked.IsReachable);
        Assert.Equal(LineContactReach.BlockedReason, blocked.UnreachableReason);

        await PostOkAsync(FakeLine.Payload("line-follow.json"));
        Assert.True((await ContactAsync(FakeLine.ReferenceUser)).IsReachable);
    }
}
