using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inbound.Domain.Conversations;
using Inbound.Tests.Infrastructure;
using Inbound.Web.Channels.Custom;
using Inbound.Web.Ingestion;

namespace Inbound.Tests.Channels;

/// <summary>Replies on a custom channel reach its outbound URL through the outbox: signed, retried, recorded.</summary>
public sealed class CustomChannelDeliveryTests : IAsyncLifetime
{
    private FakeProvider _receiver = null!;
    private InboundApp _app = null!;

    public async Task InitializeAsync()
    {
        _receiver = await FakeProvider.StartAsync();
        _app = CustomChannelApp.SendingTo(_receiver);
        await ((IAsyncLifetime)_app).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task An_agents_reply_is_posted_signed_to_the_channels_outbound_url_and_marked_sent()
    {
        var ana = await InboxUser.SignInAsync(_app, "ana@inbound.local");
        var conversations = new Conversations(_app);
        var id = await conversations.OpenAssignedAsync(ana, "Sales");

        using var reply = await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/replies", new { text = "Your order ships today" });
        Assert.True(reply.IsSuccessStatusCode);

        var posted = await _receiver.RequestAsync(r => r.Text.Contains("Your order ships today"), "the reply at the outbound URL");
        Assert.Equal("/inbound-replies", posted.Path);
        Assert.True(WebhookSignature.IsValid(posted.Header(WebhookSignature.Header), posted.Body, Encoding.UTF8.GetBytes(InboundApp.ApiChannelSecret)));
        var body = JsonSerializer.Deserialize<CustomChannelMessage>(posted.Body, JsonSerializerOptions.Web)!;
        Assert.Equal(id, body.ConversationId);
        Assert.Equal(posted.Header(CustomChannelSender.IdempotencyHeader), body.MessageId);
        var now = _app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Assert.InRange(DateTimeOffset.FromUnixTimeSeconds(body.Timestamp), now.AddMinutes(-1), now);
        await _app.DeliveryAsync(id, "Your order ships today", DeliveryStatus.Sent);
    }

    [Fact]
    public async Task A_reply_that_meets_server_errors_is_retried_until_the_receiver_takes_it()
    {
        _receiver.AnswerWith((_, before) => before < 4 ? new ProviderAnswer(503, "busy") : ProviderAnswer.Ok);
        var id = await new Conversations(_app).OpenAsync();

        await new Conversations(_app).WorkflowReplyAsync(id, "Thanks, one moment");

        await _app.DeliveryAsync(id, "Thanks, one moment", DeliveryStatus.Sent);
        var attempts = _receiver.Requests.Where(r => r.Text.Contains("Thanks, one moment")).ToList();
        Assert.Equal(5, attempts.Count);
        Assert.Single(attempts.Select(r => r.Header(CustomChannelSender.IdempotencyHeader)).Distinct());
    }

    [Fact]
    public async Task A_reply_the_receiver_refuses_is_marked_failed_with_the_reason_and_sent_again_on_retry()
    {
        _receiver.AnswerWith((_, before) => before == 0 ? new ProviderAnswer(400, "unknown recipient") : ProviderAnswer.Ok);
        var id = await new Conversations(_app).OpenAsync();
        await new Conversations(_app).WorkflowReplyAsync(id, "Hello again");

        var failed = await _app.DeliveryAsync(id, "Hello again", DeliveryStatus.Failed);
        Assert.Contains("400", failed.DeliveryError);
        Assert.Contains("unknown recipient", failed.DeliveryError);
        Assert.Single(MessagesPosted());

        var retried = await _app.Services.GetRequiredService<Inbound.Web.Channels.Outbox.DeliveryCommands>().RetryAsync(failed.Id, default);

        Assert.True(retried);
        var sent = await _app.DeliveryAsync(id, "Hello again", DeliveryStatus.Sent);
        Assert.Null(sent.DeliveryError);
        Assert.Equal(2, MessagesPosted().Count);
    }

    // The receiver also gets status notices (this failure among them): count the messages only.
    private List<ProviderRequest> MessagesPosted() => _receiver.Requests.Where(r => r.Text.Contains("\"type\":\"message\"")).ToList();

    [Fact]
    public async Task Status_reports_move_a_reply_to_delivered_and_read_and_never_back()
    {
        var id = await new Conversations(_app).OpenAsync();
        await new Conversations(_app).WorkflowReplyAsync(id, "Your ticket is open");
        var sent = await _app.DeliveryAsync(id, "Your ticket is open", DeliveryStatus.Sent);
        var http = _app.CreateHttpClient();

        Assert.Equal(HttpStatusCode.NoContent, (await ReportAsync(http, sent.ExternalId!, "delivered")).StatusCode);
        await _app.DeliveryAsync(id, "Your ticket is open", DeliveryStatus.Delivered);
        Assert.Equal(HttpStatusCode.NoContent, (await ReportAsync(http, sent.ExternalId!, "read")).StatusCode);
        await _app.DeliveryAsync(id, "Your ticket is open", DeliveryStatus.Read);
        // A late "delivered" (reports arrive out of order) leaves it read.
        Assert.Equal(HttpStatusCode.NoContent, (await ReportAsync(http, sent.ExternalId!, "delivered")).StatusCode);
        Assert.Equal(DeliveryStatus.Read, (await _app.MessageAsync(id, "Your ticket is open")).DeliveryStatus);
    }

    [Fact]
    public async Task A_wrongly_signed_status_report_is_refused_and_changes_nothing()
    {
        var id = await new Conversations(_app).OpenAsync();
        await new Conversations(_app).WorkflowReplyAsync(id, "Signed only");
        var sent = await _app.DeliveryAsync(id, "Signed only", DeliveryStatus.Sent);

        using var response = await ReportAsync(_app.CreateHttpClient(), sent.ExternalId!, "read", secret: "not-the-channel-secret-at-all");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DeliveryStatus.Sent, (await _app.MessageAsync(id, "Signed only")).DeliveryStatus);
    }

    private static Task<HttpResponseMessage> ReportAsync(HttpClient http, string messageId, string status, string secret = InboundApp.ApiChannelSecret)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { messageId, status });
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/channels/{InboundApp.ApiChannelKey}/statuses")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(body, Encoding.UTF8.GetBytes(secret)));
        return http.SendAsync(request);
    }
}
