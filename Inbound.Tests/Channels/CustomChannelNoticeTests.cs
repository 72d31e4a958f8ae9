using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inbound.Domain.Conversations;
using Inbound.Tests.Infrastructure;
using Inbound.Web.Channels.Custom;
using Inbound.Web.Ingestion;

namespace Inbound.Tests.Channels;

/// <summary>A custom channel's outbound URL also hears of status changes: closed, assigned, delivery; signed and retried through the outbox.</summary>
public sealed class CustomChannelNoticeTests : IAsyncLifetime
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

    private async Task<(ProviderRequest Request, CustomChannelNotice Notice)> NoticeAsync(string type, Guid conversationId)
    {
        var request = await _receiver.RequestAsync(r => r.Text.Contains($"\"type\":\"{type}\"") && r.Text.Contains(conversationId.ToString()), $"the {type} notice");
        return (request, JsonSerializer.Deserialize<CustomChannelNotice>(request.Body, JsonSerializerOptions.Web)!);
    }

    [Fact]
    public async Task Assigning_and_closing_a_conversation_are_posted_signed_to_the_outbound_url()
    {
        var ana = await InboxUser.SignInAsync(_app, "ana@inbound.local");
        var id = await new Conversations(_app).OpenAssignedAsync(ana, "Sales");

        var (assignedRequest, assigned) = await NoticeAsync(CustomChannelNotice.Assigned, id);
        Assert.Equal(ana.AgentId, assigned.AgentId);
        Assert.True(WebhookSignature.IsValid(assignedRequest.Header(WebhookSignature.Header), assignedRequest.Body, Encoding.UTF8.GetBytes(InboundApp.ApiChannelSecret)));

        (await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/close", new { category = "Resolved", summary = "Internal: refunded by hand" })).EnsureSuccessStatusCode();

        var (closedRequest, closed) = await NoticeAsync(CustomChannelNotice.Closed, id);
        Assert.True(WebhookSignature.IsValid(closedRequest.Header(WebhookSignature.Header), closedRequest.Body, Encoding.UTF8.GetBytes(InboundApp.ApiChannelSecret)));
        Assert.Equal("Resolved", closed.Reason);
        // The summary is the team's note, not the integration's business.
        Assert.DoesNotContain("refunded by hand", closedRequest.Text);
        var now = _app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Assert.InRange(DateTimeOffset.FromUnixTimeSeconds(closed.Timestamp), now.AddMinutes(-1), now);
        Assert.Equal(closedRequest.Header(CustomChannelSender.IdempotencyHeader), closed.NoticeId);
    }

    [Fact]
    public async Task A_notice_that_meets_server_errors_is_retried_with_the_same_key_until_the_receiver_takes_it()
    {
        var ana = await InboxUser.SignInAsync(_app, "ana@inbound.local");
        var id = await new Conversations(_app).OpenAssignedAsync(ana, "Sales");
        await NoticeAsync(CustomChannelNotice.Assigned, id);
        var refusals = 0;
        _receiver.AnswerWith((r, _) => r.Text.Contains(CustomChannelNotice.Closed) && Interlocked.Increment(ref refusals) <= 2 ? new ProviderAnswer(503, "busy") : ProviderAnswer.Ok);

        (await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/close", new { category = "Resolved", summary = "Done" })).EnsureSuccessStatusCode();

        await Eventually.TrueAsync(() => Task.FromResult(_receiver.Requests.Count(r => r.Text.Contains(CustomChannelNotice.Closed)) == 3), "the closed notice taken on its third try");
        var attempts = _receiver.Requests.Where(r => r.Text.Contains(CustomChannelNotice.Closed)).ToList();
        Assert.Single(attempts.Select(r => r.Header(CustomChannelSender.IdempotencyHeader)).Distinct());
    }

    [Fact]
    public async Task A_reply_that_failed_for_good_is_reported_with_its_reason()
    {
        _receiver.AnswerWith((r, _) => r.Text.Contains("\"type\":\"message\"") ? new ProviderAnswer(400, "unknown recipient") : ProviderAnswer.Ok);
        var id = await new Conversations(_app).OpenAsync();

        await new Conversations(_app).WorkflowReplyAsync(id, "Hello there");

        var failed = await _app.DeliveryAsync(id, "Hello there", DeliveryStatus.Failed);
        var (_, notice) = await NoticeAsync(CustomChannelNotice.MessageStatus, id);
        Assert.Equal((failed.Id, "failed"), (notice.MessageId!.Value, notice.Status));
        Assert.Contains("unknown recipient", notice.Reason);
    }
}
