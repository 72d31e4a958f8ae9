using System.Net;
using System.Text.Json;
using Inbound.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Ingestion;

public class IngestionApiTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private readonly ChannelClient _channel = new(app.CreateHttpClient());

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_new_contacts_message_opens_a_conversation_and_the_next_joins_it()
    {
        var contact = NewId("contact");

        var first = await _channel.SendOkAsync(NewId("m"), contact, "Hello, I need help", "Maria Lopez");
        var second = await _channel.SendOkAsync(NewId("m"), contact, "It is about my order");

        Assert.True(first.Opened);
        Assert.False(second.Opened);
        Assert.Equal(first.ConversationId, second.ConversationId);
        var stored = await app.QueryAsync(db => db.Conversations.SingleAsync(c => c.Id == first.ConversationId));
        Assert.Equal(ConversationSource.Contact, stored.Source);
        Assert.True(stored.IsOpen);
        var name = await app.QueryAsync(db => db.Contacts.Where(c => c.Id == stored.ContactId).Select(c => c.Name).SingleAsync());
        Assert.Equal("Maria Lopez", name);
    }

    [Fact]
    public async Task After_closing_the_contacts_next_message_opens_a_new_conversation()
    {
        var contact = NewId("contact");
        var first = await _channel.SendOkAsync(NewId("m"), contact, "Hi");
        await app.QueryAsync(async db =>
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == first.ConversationId);
            conversation.Close(new ClosingNote("Resolved", "Answered"), null, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        var next = await _channel.SendOkAsync(NewId("m"), contact, "One more question");

        Assert.True(next.Opened);
        Assert.NotEqual(first.ConversationId, next.ConversationId);
    }

    [Fact]
    public async Task The_same_message_id_twice_stores_one_message_and_answers_as_the_first_did()
    {
        var contact = NewId("contact");
        var messageId = NewId("m");

        var first = await _channel.SendOkAsync(messageId, contact, "Hello");
        var retry = await _channel.SendOkAsync(messageId, contact, "Hello");

        Assert.Equal(first, retry);
        Assert.Equal(1, await app.QueryAsync(db => db.Messages.CountAsync(m => m.ExternalId == messageId)));
    }

    [Fact]
    public async Task Concurrent_duplicates_of_one_message_store_it_once()
    {
        var contact = NewId("contact");
        var messageId = NewId("m");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _channel.SendOkAsync(messageId, contact, "Hello")));

        Assert.Single(answers.Distinct());
        Assert.True(answers[0].Opened);
        Assert.Equal(1, await app.QueryAsync(db => db.Messages.CountAsync(m => m.ExternalId == messageId)));
    }

    [Fact]
    public async Task An_unknown_channel_is_404_problem_details()
    {
        var client = new ChannelClient(app.CreateHttpClient(), "no-such-channel");

        using var response = await client.SendAsync(NewId("m"), NewId("c"), "Hi");

        await AssertProblem(response, HttpStatusCode.NotFound, "Unknown channel");
    }

    [Fact]
    public async Task A_missing_signature_is_401()
    {
        using var http = app.CreateHttpClient();
        using var response = await http.PostAsync($"/api/channels/{InboundApp.ApiChannelKey}/messages",
            JsonContent.Create(new { messageId = NewId("m"), contact = new { externalId = NewId("c") }, text = "Hi" }));

        await AssertProblem(response, HttpStatusCode.Unauthorized, "Bad signature");
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha256=not-hex")]
    [InlineData("md5=abc")]
    public async Task A_wrong_signature_is_401_and_stores_nothing(string signature)
    {
        var contact = NewId("contact");
        using var response = await _channel.SendRawAsync(Json(NewId("m"), contact, "Hi"), signature);

        await AssertProblem(response, HttpStatusCode.Unauthorized, "Bad signature");
        Assert.False(await app.QueryAsync(db => db.ContactIdentities.AnyAsync(i => i.ExternalId == contact)));
    }

    [Fact]
    public async Task A_body_signed_with_another_secret_is_401()
    {
        var forger = new ChannelClient(app.CreateHttpClient(), InboundApp.ApiChannelKey, "some-other-secret-of-16+");

        using var response = await forger.SendAsync(NewId("m"), NewId("c"), "Hi");

        await AssertProblem(response, HttpStatusCode.Unauthorized, "Bad signature");
    }

    [Fact]
    public async Task Malformed_json_is_400_problem_details()
    {
        using var response = await _channel.SendRawAsync("{\"messageId\": \"m1\", \"contact\": ");

        await AssertProblem(response, HttpStatusCode.BadRequest, "Malformed JSON");
    }

    [Theory]
    [InlineData("""{"contact":{"externalId":"c1"},"text":"Hi"}""", "messageId")]
    [InlineData("""{"messageId":"m-missing-contact","text":"Hi"}""", "contact.externalId")]
    [InlineData("""{"messageId":"m-blank-contact","contact":{"externalId":" "},"text":"Hi"}""", "contact.externalId")]
    [InlineData("""{"messageId":"m-missing-text","contact":{"externalId":"c1"}}""", "text")]
    public async Task A_missing_required_field_is_400_naming_the_field(string json, string field)
    {
        using var response = await _channel.SendRawAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}");
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_413()
    {
        using var response = await _channel.SendRawAsync(Json(NewId("m"), NewId("c"), new string('x', 20_000)));

        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "Message too large");
    }

    [Fact]
    public async Task Bad_requests_leave_what_was_already_stored_untouched()
    {
        var contact = NewId("contact");
        var accepted = await _channel.SendOkAsync(NewId("m"), contact, "The original message");

        (await _channel.SendRawAsync(Json(NewId("m"), contact, "forged"), "sha256=" + new string('a', 64))).Dispose();
        (await _channel.SendRawAsync("{not json")).Dispose();
        (await _channel.SendRawAsync(Json(NewId("m"), contact, new string('x', 20_000)))).Dispose();

        var bodies = await app.QueryAsync(db => db.Messages.Where(m => m.ConversationId == accepted.ConversationId).Select(m => m.Body).ToListAsync());
        Assert.Equal(["The original message"], bodies);
    }

    private static string Json(string messageId, string contact, string text) =>
        JsonSerializer.Serialize(new { messageId, contact = new { externalId = contact }, text });

    internal static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
    }
}
